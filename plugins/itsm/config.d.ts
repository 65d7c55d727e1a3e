export interface Config {
  /** Configuration of Backstage ITSM that the frontend reads. */
  itsm?: {
    /**
     * Incident and problem categories offered when logging a record.
     * Defaults to availability, performance, data, security, deployment,
     * capacity, dependency and configuration.
     * @visibility frontend
     */
    categories?: string[];
    /**
     * Priority per impact and urgency (1 high, 2 medium, 3 low), the same
     * matrix the backend derives priorities with, so that the log dialog
     * shows the priority the record will get. Defaults to the ServiceNow
     * matrix.
     * @visibility frontend
     */
    priorityMatrix?: {
      [impact: string]: { [urgency: string]: number };
    };
  };
}
