import { NotFoundError } from '@backstage/errors';
import { ActionItem } from '@backstage-itsm/plugin-itsm-common';
import { randomUUID } from 'crypto';
import { Knex } from 'knex';
import { z } from 'zod';
import { Cursor } from '../../database/cursor';
import { isUuid } from '../../database/findRecordRow';
import { actionItemFromRow } from '../../database/mappers';
import { afterCursor, toPage } from '../../database/paging';
import { ActionItemRow } from '../../database/tables';
import { fromIso } from '../../database/time';
import { appendTimeline } from '../../database/timeline';
import { Caller } from '../../shared/caller';
import { CatalogEntities } from '../../shared/catalogEntities';
import { IncidentService } from '../incidents/IncidentService';
import { staleVersionError } from '../../shared/staleVersion';
import { ProblemService } from '../problems/ProblemService';
import {
  createActionItemBody,
  updateActionItemBody,
} from '../../service/validation/actionItemSchemas';

/** Corrective and preventive actions of problems and postmortems. */
export class ActionItemService {
  constructor(
    private readonly deps: {
      db: Knex;
      incidents: IncidentService;
      problems: ProblemService;
      entities: CatalogEntities;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /**
   * Checks the caller may change the parent record and returns its id. Read
   * access to the parent is what listing needs; changing needs update.
   */
  private async parentId(
    parentType: 'incident' | 'problem',
    idOrNumber: string,
    caller: Caller,
    access: 'read' | 'update',
  ): Promise<string> {
    if (parentType === 'incident') {
      const incident =
        access === 'read'
          ? await this.deps.incidents.get(idOrNumber, caller)
          : (await this.deps.incidents.getForUpdate(idOrNumber, caller))
              .incident;
      return incident.id;
    }
    const problem = await this.deps.problems.get(idOrNumber, caller);
    if (access === 'update') {
      await this.deps.problems.requireUpdate(problem, caller);
    }
    return problem.id;
  }

  /** Lists action items; with a parent, only that record's. */
  async list(options: {
    parentType?: 'incident' | 'problem';
    parentId?: string;
    ownerRef?: string;
    status?: 'open' | 'done';
    overdue?: boolean;
    after?: Cursor;
    limit: number;
    caller: Caller;
  }) {
    const query = this.deps.db<ActionItemRow>('itsm_action_items').select('*');
    if (options.parentType && options.parentId) {
      const parentId = await this.parentId(
        options.parentType,
        options.parentId,
        options.caller,
        'read',
      );
      query.where({ parent_type: options.parentType, parent_id: parentId });
    } else if (options.parentType) {
      query.where({ parent_type: options.parentType });
    }
    if (options.ownerRef) {
      query.where({ owner_ref: options.ownerRef });
    }
    if (options.status) {
      query.where({ status: options.status });
    }
    if (options.overdue) {
      query.where({ status: 'open' }).where('due_at', '<', this.now());
    }
    afterCursor(query, {
      column: 'created_at',
      idColumn: 'id',
      cursor: options.after,
    });
    const rows: ActionItemRow[] = await query.limit(options.limit + 1);
    return toPage(rows, {
      limit: options.limit,
      keyOf: row => ({ key: Number(row.created_at), id: row.id }),
      map: actionItemFromRow,
    });
  }

  /** Adds an action item to a problem or an incident's postmortem. */
  async create(
    input: z.infer<typeof createActionItemBody>,
    caller: Caller,
  ): Promise<ActionItem> {
    const parentId = await this.parentId(
      input.parentType,
      input.parentId,
      caller,
      'update',
    );
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
      await tx('itsm_action_items').insert(row);
      await appendTimeline(
        tx,
        [
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
      );
    });
    return actionItemFromRow(row);
  }

  /** Changes an action item, checking the version read by the caller. */
  async update(
    id: string,
    input: z.infer<typeof updateActionItemBody>,
    caller: Caller,
  ): Promise<ActionItem> {
    const row = isUuid(id)
      ? await this.deps
          .db<ActionItemRow>('itsm_action_items')
          .where({ id })
          .first()
      : undefined;
    if (!row) {
      throw new NotFoundError(`No action item '${id}'`);
    }
    const parentType = row.parent_type as 'incident' | 'problem';
    await this.parentId(parentType, row.parent_id, caller, 'update');
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
      const updated = await tx('itsm_action_items')
        .where({ id: row.id, version: input.version })
        .update({ ...changes, version: input.version + 1 });
      if (updated !== 1) {
        throw staleVersionError({
          record: 'action item',
          sent: input.version,
          current: row.version,
        });
      }
      if (changes.status) {
        await appendTimeline(
          tx,
          [
            {
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
            },
          ],
          now,
        );
      }
      const fresh = await tx<ActionItemRow>('itsm_action_items')
        .where({ id: row.id })
        .first();
      return actionItemFromRow(fresh!);
    });
  }
}
