import {
  SchedulerServiceTaskScheduleDefinition,
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { MAX_SEARCH_DOCUMENT_PAGE } from '@backstage-itsm/plugin-itsm-common';

/** What the ITSM collators index and when, from `search.collators.itsm`. */
export interface ItsmCollatorSettings {
  schedule: SchedulerServiceTaskScheduleDefinition;
  pageSize: number;
  basePath: string;
  incidentWindowDays: number;
  postmortemsWithinIncidentWindow: boolean;
}

const DEFAULT_SCHEDULE: SchedulerServiceTaskScheduleDefinition = {
  frequency: { minutes: 10 },
  timeout: { minutes: 15 },
  initialDelay: { seconds: 30 },
};

function positiveInteger(
  config: Config | undefined,
  key: string,
  fallback: number,
  max: number,
): number {
  const value = config?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 1 || value > max) {
    throw new Error(
      `search.collators.itsm.${key} must be an integer from 1 to ${max}, got ${value}`,
    );
  }
  return value;
}

/** Reads the collator settings; a bad value fails start-up with its key. */
export function readCollatorSettings(root: Config): ItsmCollatorSettings {
  const config = root.getOptionalConfig('search.collators.itsm');
  const schedule = config?.has('schedule')
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig('schedule'),
      )
    : DEFAULT_SCHEDULE;
  return {
    schedule,
    pageSize: positiveInteger(
      config,
      'pageSize',
      500,
      MAX_SEARCH_DOCUMENT_PAGE,
    ),
    basePath: (config?.getOptionalString('basePath') ?? '/itsm').replace(
      /\/+$/,
      '',
    ),
    incidentWindowDays: positiveInteger(
      config,
      'incidents.windowDays',
      365,
      100_000,
    ),
    postmortemsWithinIncidentWindow:
      config?.getOptionalBoolean('postmortems.withinIncidentWindow') ?? false,
  };
}
