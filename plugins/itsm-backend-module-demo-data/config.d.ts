export interface Config {
  /** Configuration of Backstage ITSM. */
  itsm?: {
    /** Fill an empty database with a realistic six-month demo history. */
    demoData?: boolean;
  };
}
