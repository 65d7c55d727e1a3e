import { Config } from '@backstage/config';
import {
  POSTMORTEM_REQUIREMENTS,
  PostmortemRequirement,
} from '@backstage-itsm/plugin-itsm-common';

const KEY = 'itsm.majorIncidents';

/** How major incidents are declared and what closing one needs. */
export interface MajorIncidentConfig {
  /** Declares every incident opened as P1, by hand or by an alert, a major incident. */
  autoDeclare: boolean;
  /** What a declared major incident needs before it may be closed. */
  closeRequiresPostmortem: PostmortemRequirement;
}

/** Without `itsm.majorIncidents`: declared by people, closed after a published postmortem. */
export const DEFAULT_MAJOR_INCIDENT_CONFIG: MajorIncidentConfig = {
  autoDeclare: false,
  closeRequiresPostmortem: 'published',
};

/** Reads `itsm.majorIncidents`; a bad value fails start-up naming the key. */
export function readMajorIncidentConfig(config: Config): MajorIncidentConfig {
  const autoDeclare =
    config.getOptionalBoolean(`${KEY}.autoDeclare`) ??
    DEFAULT_MAJOR_INCIDENT_CONFIG.autoDeclare;
  const requirement =
    config.getOptionalString(`${KEY}.closeRequiresPostmortem`) ??
    DEFAULT_MAJOR_INCIDENT_CONFIG.closeRequiresPostmortem;
  if (!POSTMORTEM_REQUIREMENTS.includes(requirement as PostmortemRequirement)) {
    throw new Error(
      `${KEY}.closeRequiresPostmortem must be one of ${POSTMORTEM_REQUIREMENTS.join(
        ', ',
      )}, got '${requirement}'`,
    );
  }
  return {
    autoDeclare,
    closeRequiresPostmortem: requirement as PostmortemRequirement,
  };
}
