import { NotAllowedError, NotFoundError } from '@backstage/errors';
import {
  ActionItem,
  itsmIncidentReadPermission,
  itsmProblemReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { z } from 'zod';
import {
  findActionItemRow,
  insertActionItemRow,
  ReadableParents,
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

const PARENT_TYPES: readonly ParentType[] = ['incident', 'problem'];

const READ_PERMISSIONS = {
  incident: itsmIncidentReadPermission,
  problem: itsmProblemReadPermission,
};

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

  /**
   * Lists action items of the records the caller may read; with a parent,
   * only that record's, with a parent type, only that kind's. A 403 when the
   * caller may read none of the parents asked for.
   */
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
    const { parentType, caller } = options;
    let parents: ReadableParents;
    let parentId: string | undefined;
    if (parentType && options.parentId) {
      parentId = await this.parentId({
        parentType,
        idOrNumber: options.parentId,
        caller,
        access: 'read',
      });
      parents = { [parentType]: {} };
    } else {
      parents = await this.readableParents(
        parentType ? [parentType] : PARENT_TYPES,
        caller,
      );
    }
    return listActionItems(this.deps.db, {
      filter: {
        parents,
        parentId,
        ownerRef: options.ownerRef,
        status: options.status,
        overdue:
          options.overdue === undefined
            ? undefined
            : { is: options.overdue, at: this.now() },
      },
      after: options.after,
      limit: options.limit,
    });
  }

  private async readableParents(
    kinds: readonly ParentType[],
    caller: Caller,
  ): Promise<ReadableParents> {
    const permissions = kinds.map(kind => READ_PERMISSIONS[kind]);
    const access = await this.deps.authorizer.readAccessFor(
      permissions,
      caller.credentials,
    );
    const parents: ReadableParents = {};
    access.forEach((item, index) => {
      if (item.readable) {
        parents[kinds[index]] = { restrict: item.restrict };
      }
    });
    if (Object.keys(parents).length === 0) {
      throw new NotAllowedError(
        `You are not allowed to ${permissions.map(p => p.name).join(' or ')}`,
      );
    }
    return parents;
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
      const events: NewTimelineEvent[] = [];
      if (changes.owner_ref && changes.owner_ref !== row.owner_ref) {
        events.push({
          recordType: parentType,
          recordId: row.parent_id,
          kind: 'action_item',
          actorRef: caller.actorRef,
          field: 'actionItemOwner',
          newValue: row.id,
          body: `Action item assigned to ${changes.owner_ref}: ${
            changes.title ?? row.title
          }`,
        });
      }
      if (changes.status) {
        events.push({
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
        });
      }
      await appendTimeline(tx, { events, now });
      const fresh = await findActionItemRow(tx, row.id);
      return actionItemFromRow(fresh!);
    });
  }
}
