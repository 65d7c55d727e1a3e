import { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  search?: {
    collators?: {
      /** What the ITSM collators index and when. */
      itsm?: {
        /**
         * When the ITSM records are indexed. Default: every 10 minutes, with
         * a 15 minute timeout, starting 30 seconds after start-up.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /** Records read per request to the ITSM backend, 1 to 1000. Default 500. */
        pageSize?: number;
        /**
         * Path of the ITSM page in the app, which result links start with.
         * Default `/itsm`.
         */
        basePath?: string;
        incidents?: {
          /**
           * Incidents (and their postmortems) created in this many recent
           * days are indexed. Default 365; problems, known errors and
           * postmortems of any age are always indexed, unless postmortems
           * follow the incident window (see below).
           */
          windowDays?: number;
        };
        postmortems?: {
          /** Whether postmortems are limited to the incident window. Default false. */
          withinIncidentWindow?: boolean;
        };
      };
    };
  };
}
