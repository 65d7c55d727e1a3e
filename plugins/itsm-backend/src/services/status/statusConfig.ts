import { Config } from '@backstage/config';
import {
  COMPONENT_STATES,
  ComponentState,
  DEFAULT_STATUS_STATES,
  PRIORITIES,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';

const KEY = 'itsm.status.states';

/** The state an open incident of each priority puts its entity in. */
export type StatusStates = Readonly<Record<Priority, ComponentState>>;

/**
 * Reads `itsm.status.states`, priorities (1 to 5) to states, over the
 * defaults; a bad key or state fails start-up naming the key.
 */
export function readStatusStates(config: Config): StatusStates {
  const states: Record<Priority, ComponentState> = { ...DEFAULT_STATUS_STATES };
  // Read raw: config keys may not start with a digit, priorities do.
  const section = config.getOptional(KEY);
  if (section === undefined) {
    return states;
  }
  if (
    typeof section !== 'object' ||
    section === null ||
    Array.isArray(section)
  ) {
    throw new Error(`${KEY} must map priorities to states`);
  }
  for (const [key, state] of Object.entries(section)) {
    const priority = Number(key) as Priority;
    if (!PRIORITIES.includes(priority) || String(priority) !== key) {
      throw new Error(
        `${KEY}.${key} is not a priority; use ${PRIORITIES.join(', ')}`,
      );
    }
    if (!COMPONENT_STATES.includes(state as ComponentState)) {
      throw new Error(
        `${KEY}.${key} must be one of ${COMPONENT_STATES.join(
          ', ',
        )}, got '${String(state)}'`,
      );
    }
    states[priority] = state as ComponentState;
  }
  return states;
}
