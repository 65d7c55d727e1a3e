import {
  Impact,
  Incident,
  ItsmRecordType,
  PriorityMatrix,
  Problem,
  TimelineEvent,
  Urgency,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor } from '../database/cursor';
import { RecordRows } from '../database/records';
import { Authorizer } from './authorizer';
import { Caller } from './caller';
import { CatalogEntities } from './catalogEntities';
import { diffFields } from './diffFields';
import { priorityAfterEdit } from './priorityAfterEdit';
import { RecordAccess, RecordKind } from './recordAccess';

/** What the services of incidents and of problems are built from. */
export interface RecordServiceDeps {
  db: Knex;
  authorizer: Authorizer;
  entities: CatalogEntities;
  priorityMatrix: PriorityMatrix;
  now?: () => number;
}

/**
 * The use cases incidents and problems share: the list and the records the
 * caller may read, notes, and the timeline.
 */
export abstract class RecordService<
  TType extends ItsmRecordType,
  TRecord extends Incident | Problem,
  TFilter,
> {
  protected readonly records: RecordAccess<TType, TRecord, TFilter>;
  private readonly recordType: TType;

  protected constructor(
    protected readonly deps: RecordServiceDeps,
    kind: RecordKind<TType, TRecord, TFilter>,
  ) {
    this.records = new RecordAccess({ ...deps, kind });
    this.recordType = kind.recordType;
  }

  protected now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  /**
   * The column changes and timeline events of an edit: the requested fields,
   * with the assignee looked up in the catalog and the priority derived
   * again when impact or urgency change, compared with the stored row.
   */
  protected async fieldChanges(options: {
    row: RecordRows[TType];
    input: { assigneeRef?: string | null; impact?: Impact; urgency?: Urgency };
    requested: Record<string, unknown>;
    columns: Record<string, keyof RecordRows[TType]>;
    caller: Caller;
  }) {
    const { row, input, caller } = options;
    const requested = { ...options.requested };
    if (input.assigneeRef !== undefined) {
      requested.assigneeRef = await this.deps.entities.resolvePerson({
        ref: input.assigneeRef,
        field: 'assigneeRef',
        credentials: caller.credentials,
      });
    }
    requested.priority = priorityAfterEdit({
      input,
      row,
      matrix: this.deps.priorityMatrix,
    });
    return diffFields({
      row,
      requested,
      columns: options.columns,
      event: {
        recordType: this.recordType,
        recordId: row.id,
        actorRef: caller.actorRef,
      },
    });
  }

  /** Lists the records the caller may read, newest first. */
  async list(options: {
    filter: TFilter;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }) {
    return this.records.list(options);
  }

  /** Loads one record, with a 404 for unknown ids and a 403 when not readable. */
  async get(idOrNumber: string, caller: Caller): Promise<TRecord> {
    return this.records.get(idOrNumber, caller);
  }

  /** Adds an internal note or a public status update. */
  async addNote(options: {
    idOrNumber: string;
    input: { visibility: 'internal' | 'public'; body: string };
    caller: Caller;
  }): Promise<TimelineEvent> {
    return this.records.addNote({ ...options, now: this.now() });
  }

  /** The timeline of a record the caller may read, one page at a time. */
  async timeline(options: {
    idOrNumber: string;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }) {
    return this.records.timeline(options);
  }
}
