import { NotFoundError } from '@backstage/errors';
import { ActionItem } from '@backstage-itsm/plugin-itsm-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { z } from 'zod';
import {
  findActionItemRow,
  insertActionItemRow,
  listActionItems,
  updateActionItemRow,
} from '../../database/actionItems';
import { Cursor } from '../../database/cursor';
import { actionItemFromRow } from '../../database/mappers';
import { ActionItemRow } from '../../database/tables';
import { fromIso } from '../../database/time';
import { NewTimelineEvent, appendTimeline } from '../../database/timeline';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { CatalogEntities } from '../../shared/catalogEntities';
import {
  IncidentRecords,
  ProblemRecords,
  incidentRecords,
  problemRecords,
} from '../../shared/recordKinds';
import { staleVersionError } from '../../shared/staleVersion';
import {
  createActionItemBody,
  updateActionItemBody,
} from '@backstage-itsm/plugin-itsm-common';

type ParentType = 'incident' | 'problem';

/** Corrective and preventive actions of problems and postmortems. */
export class ActionItemService {
  private readonly incidents: IncidentRecords;
  private readonly problems: ProblemRecords;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      entities: CatalogEntities;
      now?: () => number;
    },
  ) {
    this.incidents = incidentRecords(deps);
    this.problems = problemRecords(deps);
  }

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /**
   * Checks the caller may read or change the parent record and returns its
   * id: read access to the parent is what listing needs; changing needs
   * update.
   */
  private async parentId(options: {
    parentType: ParentType;
    idOrNumber: string;
    caller: Caller;
    access: 'read' | 'update';
  }): Promise<string> {
    const { idOrNumber, caller, access } = options;
    if (options.parentType === 'incident') {
      const incident =
        access === 'read'
          ? await this.incidents.get(idOrNumber, caller)
          : (await this.incidents.getForUpdate(idOrNumber, caller)).record;
      return incident.id;
    }
    const problem = await this.problems.get(idOrNumber, caller);
    if (access === 'update') {
      await this.problems.requireUpdate(problem, caller);
    }
    return problem.id;
  }

  /** Lists action items; with a parent, only that record's. */
  async list(options: {
    parentType?: ParentType;
    parentId?: string;
    ownerRef?: string;
    status?: 'open' | 'done';
    overdue?: boolean;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }) {
    const { parentType } = options;
    const parentId =
      parentType && options.parentId
        ? await this.parentId({
            parentType,
            idOrNumber: options.parentId,
            caller: options.caller,
            access: 'read',
          })
        : undefined;
    return listActionItems(this.deps.db, {
      filter: {
        parentType,
        parentId,
        ownerRef: options.ownerRef,
        status: options.status,
        overdueAt: options.overdue ? this.now() : undefined,
      },
      after: options.after,
      limit: options.limit,
    });
  }

  /** Adds an action item to a problem or an incident's postmortem. */
  async create(
    input: z.infer<typeof createActionItemBody>,
    caller: Caller,
  ): Promise<ActionItem> {
    const parentId = await this.parentId({
      parentType: input.parentType,
      idOrNumber: input.parentId,
      caller,
      access: 'update',
    });
    const ownerRef = await this.deps.entities.resolvePerson({
      ref: input.ownerRef,
      field: 'ownerRef',
      credentials: caller.credentials,
    });
    const now = this.now();
    const row: ActionItemRow = {
      id: randomUUID(),
      parent_type: input.parentType,
      parent_id: parentId,
      title: input.title,
      owner_ref: ownerRef ?? null,
      due_at: input.dueAt ? fromIso(input.dueAt) : null,
      status: 'open',
      kind: input.kind,
      created_at: now,
      updated_at: now,
      completed_at: null,
      version: 1,
    };
    await this.deps.db.transaction(async tx => {
      await insertActionItemRow(tx, row);
      await appendTimeline(tx, {
        events: [
          {
            recordType: input.parentType,
            recordId: parentId,
            kind: 'action_item',
            actorRef: caller.actorRef,
            field: 'actionItem',
            newValue: row.id,
            body: `Action item added: ${row.title}`,
          },
        ],
        now,
      });
    });
    return actionItemFromRow(row);
  }

  /** Changes an action item, checking the version read by the caller. */
  async update(options: {
    id: string;
    input: z.infer<typeof updateActionItemBody>;
    caller: Caller;
  }): Promise<ActionItem> {
    const { id, input, caller } = options;
    const row = await findActionItemRow(this.deps.db, id);
    if (!row) {
      throw new NotFoundError(`No action item '${id}'`);
    }
    const parentType = row.parent_type as ParentType;
    await this.parentId({
      parentType,
      idOrNumber: row.parent_id,
      caller,
      access: 'update',
    });
    const now = this.now();
    const changes: Partial<ActionItemRow> = { updated_at: now };
    if (input.title !== undefined) changes.title = input.title;
    if (input.kind !== undefined) changes.kind = input.kind;
    if (input.ownerRef !== undefined) {
      changes.owner_ref =
        (await this.deps.entities.resolvePerson({
          ref: input.ownerRef,
          field: 'ownerRef',
          credentials: caller.credentials,
        })) ?? null;
    }
    if (input.dueAt !== undefined) {
      changes.due_at = input.dueAt === null ? null : fromIso(input.dueAt);
    }
    if (input.status !== undefined && input.status !== row.status) {
      changes.status = input.status;
      changes.completed_at = input.status === 'done' ? now : null;
    }
    return this.deps.db.transaction(async tx => {
      const updated = await updateActionItemRow(tx, {
        id: row.id,
        version: input.version,
        changes,
      });
      if (!updated) {
        throw staleVersionError({
          record: 'action item',
          sent: input.version,
          current: row.version,
        });
      }
      if (changes.status) {
        const event: NewTimelineEvent = {
          recordType: parentType,
          recordId: row.parent_id,
          kind: 'action_item',
          actorRef: caller.actorRef,
          field: 'actionItem',
          oldValue: row.status,
          newValue: changes.status,
          body: `Action item ${
            changes.status === 'done' ? 'done' : 'reopened'
          }: ${changes.title ?? row.title}`,
        };
        await appendTimeline(tx, { events: [event], now });
      }
      const fresh = await findActionItemRow(tx, row.id);
      return actionItemFromRow(fresh!);
    });
  }
}
