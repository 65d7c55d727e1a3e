import { CatalogService } from '@backstage/plugin-catalog-node';
import {
  Impact,
  Incident,
  ItsmRecordType,
  ListSort,
  PriorityMatrix,
  Problem,
  TimelineEvent,
  Urgency,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor } from '../database/cursor';
import { ListCursor } from '../database/listCursor';
import { RecordListFilter } from '../database/recordListFilter';
import { RecordRows } from '../database/records';
import { Authorizer } from './authorizer';
import { Caller } from './caller';
import { CatalogEntities } from './catalogEntities';
import { diffFields } from './diffFields';
import { entitiesOfScope } from './entityScope';
import {
  DEFAULT_MAJOR_INCIDENT_CONFIG,
  MajorIncidentConfig,
} from './majorIncidentConfig';
import { sortOrDefault } from './pageOptions';
import { priorityAfterEdit } from './priorityAfterEdit';
import { RecordAccess, RecordKind } from './recordAccess';

/**
 * Called in the transaction of every change an incident service saves, after
 * its row and timeline are written (the SLA clocks keep up this way).
 */
export type IncidentChangeHook = (
  tx: Knex.Transaction,
  options: { incidentId: string; now: number },
) => Promise<void>;

/** What the services of incidents and of problems are built from. */
export interface RecordServiceDeps {
  db: Knex;
  afterIncidentChange?: IncidentChangeHook;
  authorizer: Authorizer;
  entities: CatalogEntities;
  catalog: CatalogService;
  priorityMatrix: PriorityMatrix;
  /** Defaults to {@link DEFAULT_MAJOR_INCIDENT_CONFIG}. */
  majorIncidents?: MajorIncidentConfig;
  now?: () => number;
}

/**
 * The use cases incidents and problems share: the list and the records the
 * caller may read, notes, and the timeline.
 */
export abstract class RecordService<
  TType extends ItsmRecordType,
  TRecord extends Incident | Problem,
  TFilter extends RecordListFilter,
> {
  protected readonly records: RecordAccess<TType, TRecord, TFilter>;
  private readonly recordType: TType;

  protected constructor(
    protected readonly deps: RecordServiceDeps,
    kind: RecordKind<TType, TRecord, TFilter>,
  ) {
    this.records = new RecordAccess({
      ...deps,
      kind,
      afterSave:
        kind.recordType === 'incident' ? deps.afterIncidentChange : undefined,
    });
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

  /**
   * Lists the records the caller may read, one keyset page at a time:
   * `systemRef` and `groupRef` narrow to what the system or group covers
   * (as in the Reliability tab), `assignee` to the caller or to nobody.
   */
  async list(options: {
    filter: TFilter;
    scope?: { systemRef?: string; groupRef?: string };
    assignee?: 'me' | 'none';
    /** Defaults to best match first with words, else newest first. */
    sort?: ListSort;
    after?: ListCursor;
    limit: number;
    caller: Caller;
  }) {
    const { scope, assignee, caller } = options;
    const filter: TFilter = { ...options.filter };
    const scopes = await Promise.all(
      (
        [
          ['system', 'systemRef', scope?.systemRef],
          ['owner', 'groupRef', scope?.groupRef],
        ] as const
      ).flatMap(([kind, field, ref]) =>
        ref === undefined
          ? []
          : [
              entitiesOfScope({
                kind,
                ref,
                field,
                ownerKinds: ['group'],
                mustExist: true,
                catalog: this.deps.catalog,
                credentials: caller.credentials,
              }),
            ],
      ),
    );
    if (scopes.length > 0) {
      filter.scopes = scopes.map(s => s.entityRefs);
    }
    if (assignee === 'me') {
      filter.assigneeRef = caller.actorRef;
    } else if (assignee === 'none') {
      filter.unassigned = true;
    }
    return this.records.list({
      filter,
      sort: sortOrDefault(options.sort, filter.text),
      after: options.after,
      limit: options.limit,
      caller,
    });
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
