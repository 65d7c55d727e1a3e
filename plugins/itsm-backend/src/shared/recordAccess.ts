import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  Incident,
  Problem,
  TimelineEvent,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor } from '../database/cursor';
import { IncidentRow, ProblemRow } from '../database/tables';
import {
  NewTimelineEvent,
  addNoteToTimeline,
  appendTimeline,
  listTimeline,
} from '../database/timeline';
import { Authorizer } from './authorizer';
import { Caller } from './caller';
import { RecordKind } from './recordKinds';
import { assertCurrentVersion } from './staleVersion';

/**
 * Reads and writes one kind of record for a caller: a 404 for what does not
 * exist, a 403 for what the caller may not read or change, a 409 for an edit
 * based on an outdated version.
 */
export class RecordAccess<
  TRow extends IncidentRow | ProblemRow,
  TRecord extends Incident | Problem,
> {
  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      kind: RecordKind<TRow, TRecord>;
    },
  ) {}

  /** The row of a record, by uuid or number; a 404 when there is none. */
  async findRow(idOrNumber: string): Promise<TRow> {
    const { db, kind } = this.deps;
    const row = await kind.findRow(db, idOrNumber);
    if (!row) {
      throw new NotFoundError(`No ${kind.recordType} '${idOrNumber}'`);
    }
    return row;
  }

  /** Loads a record the caller may read. */
  async get(idOrNumber: string, caller: Caller): Promise<TRecord> {
    const row = await this.findRow(idOrNumber);
    const record = await this.deps.kind.toRecord(this.deps.db, row);
    await this.deps.authorizer.requireOn({
      permission: this.deps.kind.readPermission,
      record,
      credentials: caller.credentials,
    });
    return record;
  }

  /** Loads a record the caller may update, with its row. */
  async getForUpdate(
    idOrNumber: string,
    caller: Caller,
  ): Promise<{ row: TRow; record: TRecord }> {
    const row = await this.findRow(idOrNumber);
    const record = await this.deps.kind.toRecord(this.deps.db, row);
    await this.requireUpdate(record, caller);
    return { row, record };
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
  assertWritable(row: TRow, version: number): void {
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
    row: TRow;
    version: number;
    changes: Partial<TRow>;
    events: NewTimelineEvent[];
    now: number;
    alsoInTransaction?: (tx: Knex.Transaction) => Promise<void>;
  }): Promise<TRecord> {
    const { row, events, now } = options;
    const { db, kind } = this.deps;
    return db.transaction(async tx => {
      const updated = await kind.updateRow(tx, {
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
      const fresh = await kind.getRow(tx, row.id);
      return kind.toRecord(tx, fresh!);
    });
  }
}
