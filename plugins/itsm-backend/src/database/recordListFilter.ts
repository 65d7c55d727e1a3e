/** The filters every record list has, besides its own. */
export interface RecordListFilter {
  /** Entity sets the record's entity must be in, each one (a system's, a group's). */
  scopes?: string[][];
  assigneeRef?: string;
  /** Only records nobody is assigned to. */
  unassigned?: boolean;
  /** Words that must all match. */
  text?: string;
}
