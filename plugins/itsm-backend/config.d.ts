import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of Backstage ITSM. */
  itsm?: {
    /**
     * Priority per impact and urgency (1 high, 2 medium, 3 low), for example
     * `{ 1: { 1: 1, 2: 2, 3: 3 }, 2: { ... }, 3: { ... } }`. Defaults to the
     * ServiceNow matrix.
     */
    priorityMatrix?: {
      [impact: string]: { [urgency: string]: number };
    };
    /**
     * Incident and problem categories offered when logging a record.
     * @visibility frontend
     */
    categories?: string[];
    /**
     * Groups whose members may update every incident and problem, whoever
     * owns the entity, as entity refs such as `group:default/itsm-admins`.
     */
    adminGroups?: string[];
    /** Fill an empty database with a realistic six-month demo history. */
    demoData?: boolean;
    /**
     * Problem detection: a scheduled task (one run at a time across backend
     * instances) that proposes problems (`status: new`, `source: detected`)
     * from incidents no problem covers yet. A rule runs when its key is set.
     * Each group of incidents is proposed once, ever; a rejected proposal
     * (closed as `cancelled`) is never proposed again. Bad values fail
     * start-up with an error naming the key.
     */
    detection?: {
      /** Turns the task on. Defaults to false. */
      enabled?: boolean;
      /** How often the task runs, e.g. `{ minutes: 5 }` (the default) or `PT5M`. */
      frequency?: HumanDuration | string;
      /**
       * How far back each run looks for incidents not linked to a problem;
       * at least as long as every rule's window. Defaults to 30 days.
       */
      lookback?: HumanDuration | string;
      /** N or more incidents on one entity and category within a window. */
      repeatedIncidents?: {
        /** N, at least 2. Defaults to 3. */
        minIncidents?: number;
        /** The window. Defaults to 14 days. */
        window?: HumanDuration | string;
      };
      /**
       * Incidents on K or more components that all have a `dependsOn`
       * relation to one entity, within a short window; that entity is the
       * suspected root cause.
       */
      sharedDependency?: {
        /** K, at least 2. Defaults to 3. */
        minComponents?: number;
        /** The window. Defaults to 1 hour. */
        window?: HumanDuration | string;
      };
      /** Propose a problem for every P1 or major incident. Defaults to false. */
      majorIncidents?: boolean;
    };
  };
}
