import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Incident,
  ItsmRecordType,
  ListSort,
  Problem,
  TimelineEvent,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor } from '../database/cursor';
import { QueryRestriction } from '../database/incidents';
import { ListCursor } from '../database/listCursor';
import { RecordRows, getRecordRow, updateRecordRow } from '../database/records';
import {
  NewTimelineEvent,
  addNoteToTimeline,
  appendTimeline,
  listTimeline,
} from '../database/timeline';
import { Authorizer, RecordPermission } from './authorizer';
import { Caller } from './caller';
import { assertCurrentVersion } from './staleVersion';

/** What the services need to know to list, read, guard and change one kind of record. */
export interface RecordKind<
  TType extends ItsmRecordType,
  TRecord extends Incident | Problem,
  TFilter,
> {
  recordType: TType;
  readPermission: RecordPermission;
  updatePermission: RecordPermission;
  findRow(db: Knex, idOrNumber: string): Promise<RecordRows[TType] | undefined>;
  toRecord(db: Knex, row: RecordRows[TType]): Promise<TRecord>;
  list(
    db: Knex,
    options: {
      filter: TFilter;
      restrict?: QueryRestriction;
      sort: ListSort;
      after?: ListCursor;
      limit: number;
    },
  ): Promise<{ items: TRecord[]; nextCursor: string | null }>;
  formatNumber(number: number): string;
  /** Whether a record in this status can no longer be edited. */
  isReadOnly(status: string): boolean;
}

/**
 * Reads and writes one kind of record for a caller: a 404 for what does not
 * exist, a 403 for what the caller may not read or change, a 409 for an edit
 * based on an outdated version.
 */
export class RecordAccess<
  TType extends ItsmRecordType,
  TRecord extends Incident | Problem,
  TFilter,
> {
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      kind: RecordKind<TType, TRecord, TFilter>;
      /** Runs in the transaction of each save, after the timeline. */
      afterSave?: (
        tx: Knex.Transaction,
        options: { incidentId: string; now: number },
      ) => Promise<void>;
    },
  ) {}

  /** Lists the records the caller may read, one keyset page at a time. */
  async list(options: {
    filter: TFilter;
    sort: ListSort;
    after?: ListCursor;
    limit: number;
    caller: Caller;
  }) {
    const { db, authorizer, kind } = this.deps;
    const restrict = await authorizer.restrictionFor(
      kind.readPermission,
      options.caller.credentials,
    );
    return kind.list(db, {
      filter: options.filter,
      restrict,
      sort: options.sort,
      after: options.after,
      limit: options.limit,
    });
  }

  /** The row of a record, by uuid or number; a 404 when there is none. */
  async findRow(idOrNumber: string): Promise<RecordRows[TType]> {
    const { db, kind } = this.deps;
    const row = await kind.findRow(db, idOrNumber);
    if (!row) {
      throw new NotFoundError(`No ${kind.recordType} '${idOrNumber}'`);
    }
    return row;
  }

  /** A record with its row, by uuid or number, before any permission check; a 404 when there is none. */
  async find(
    idOrNumber: string,
  ): Promise<{ row: RecordRows[TType]; record: TRecord }> {
    const row = await this.findRow(idOrNumber);
    return { row, record: await this.deps.kind.toRecord(this.deps.db, row) };
  }

  /** Loads a record the caller may read. */
  async get(idOrNumber: string, caller: Caller): Promise<TRecord> {
    const { record } = await this.find(idOrNumber);
    await this.requireRead(record, caller);
    return record;
  }

  /** Throws a 403 unless the caller may read the record. */
  async requireRead(record: TRecord, caller: Caller): Promise<void> {
    await this.deps.authorizer.requireOn({
      permission: this.deps.kind.readPermission,
      record,
      credentials: caller.credentials,
    });
  }

  /** Loads a record the caller may update, with its row. */
  async getForUpdate(
    idOrNumber: string,
    caller: Caller,
  ): Promise<{ row: RecordRows[TType]; record: TRecord }> {
    const { row, record } = await this.find(idOrNumber);
    await this.requireUpdate(record, caller);
    return { row, record };
  }

  /** Loads a record the caller may update, if the caller read its current version. */
  async getCurrentForUpdate(options: {
    idOrNumber: string;
    version: number;
    caller: Caller;
  }): Promise<RecordRows[TType]> {
    const { row } = await this.getForUpdate(options.idOrNumber, options.caller);
    assertCurrentVersion({
      record: this.deps.kind.recordType,
      sent: options.version,
      current: row.version,
    });
    return row;
  }

  /** Throws a 403 unless the caller may update the record. */
  async requireUpdate(record: TRecord, caller: Caller): Promise<void> {
    await this.deps.authorizer.requireOn({
      permission: this.deps.kind.updatePermission,
      record,
      credentials: caller.credentials,
    });
  }

  /** Adds an internal note or a public status update. */
  async addNote(options: {
    idOrNumber: string;
    input: { visibility: 'internal' | 'public'; body: string };
    caller: Caller;
    now: number;
  }): Promise<TimelineEvent> {
    const { input, caller } = options;
    const { row } = await this.getForUpdate(options.idOrNumber, caller);
    return addNoteToTimeline(this.deps.db, {
      recordType: this.deps.kind.recordType,
      recordId: row.id,
      visibility: input.visibility,
      body: input.body,
      actorRef: caller.actorRef,
      now: options.now,
    });
  }

  /** The timeline of a record the caller may read. */
  async timeline(options: {
    idOrNumber: string;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }) {
    const record = await this.get(options.idOrNumber, options.caller);
    return listTimeline(this.deps.db, {
      recordType: this.deps.kind.recordType,
      recordId: record.id,
      after: options.after,
      limit: options.limit,
    });
  }

  /** Throws a 409 unless the caller read the current version of a record that may still change. */
  assertWritable(row: RecordRows[TType], version: number): void {
    const { recordType } = this.deps.kind;
    assertCurrentVersion({
      record: recordType,
      sent: version,
      current: row.version,
    });
    if (this.deps.kind.isReadOnly(row.status)) {
      throw new ConflictError(
        `the ${recordType} is ${row.status} and can no longer be changed`,
      );
    }
  }

  /**
   * Writes changed columns and their timeline events in one transaction if
   * the record still has the version the caller read; a 409 otherwise.
   */
  async save(options: {
    row: RecordRows[TType];
    version: number;
    changes: Partial<RecordRows[TType]>;
    events: NewTimelineEvent[];
    now: number;
    alsoInTransaction?: (tx: Knex.Transaction) => Promise<void>;
  }): Promise<TRecord> {
    const { row, events, now } = options;
    const { db, kind } = this.deps;
    const { recordType } = kind;
    return db.transaction(async tx => {
      const updated = await updateRecordRow(tx, {
        recordType,
        id: row.id,
        version: options.version,
        changes: options.changes,
      });
      if (!updated) {
        throw new ConflictError(
          `${kind.formatNumber(
            row.number,
          )} was changed by someone else; reload it and apply your change again`,
        );
      }
      await options.alsoInTransaction?.(tx);
      await appendTimeline(tx, { events, now });
      await this.deps.afterSave?.(tx, { incidentId: row.id, now });
      const fresh = await getRecordRow(tx, { recordType, id: row.id });
      return kind.toRecord(tx, fresh!);
    });
  }
}
