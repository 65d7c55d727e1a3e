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
  };
}
