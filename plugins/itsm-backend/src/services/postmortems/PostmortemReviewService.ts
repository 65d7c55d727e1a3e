import { ConflictError, InputError, NotFoundError } from '@backstage/errors';
import {
  Postmortem,
  PostmortemListItem,
  PostmortemStatus,
  checkPostmortemTransition,
  itsmIncidentReadPermission,
  postmortemStatusBody,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { Cursor } from '../../database/cursor';
import { postmortemFromRow } from '../../database/mappers';
import { listPostmortems } from '../../database/postmortemList';
import {
  findPostmortemRow,
  updatePostmortemRow,
} from '../../database/postmortems';
import { appendTimeline } from '../../database/timeline';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { IncidentRecords, incidentRecords } from '../../shared/recordKinds';
import { staleVersionError } from '../../shared/staleVersion';

/** The review of postmortems: their status, and the list of the ITSM page. */
export class PostmortemReviewService {
  private readonly incidents: IncidentRecords;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      now?: () => number;
    },
  ) {
    this.incidents = incidentRecords(deps);
  }

  /**
   * Moves a postmortem through draft, in review and published, with the
   * version of the postmortem the caller read and a timeline row on its
   * incident in the same transaction.
   */
  async transition(options: {
    incidentIdOrNumber: string;
    input: z.infer<typeof postmortemStatusBody>;
    caller: Caller;
  }): Promise<Postmortem> {
    const { input, caller } = options;
    const { record: incident } = await this.incidents.getForUpdate(
      options.incidentIdOrNumber,
      caller,
    );
    const now = this.deps.now?.() ?? Date.now();
    return this.deps.db.transaction(async tx => {
      const row = await findPostmortemRow(tx, incident.id);
      if (!row) {
        throw new NotFoundError(`${incident.number} has no postmortem yet`);
      }
      if (Number(row.version) !== input.version) {
        throw staleVersionError({
          record: 'postmortem',
          sent: input.version,
          current: row.version,
        });
      }
      const from = (row.status ?? 'draft') as PostmortemStatus;
      const check = checkPostmortemTransition({ from, to: input.to });
      if (!check.ok) {
        throw new InputError(`to: ${check.reason}`);
      }
      const updated = await updatePostmortemRow(tx, {
        incidentId: incident.id,
        version: input.version,
        changes: { status: input.to, updated_at: now },
      });
      if (!updated) {
        throw new ConflictError(
          `the postmortem of ${incident.number} was changed by someone else; reload it and apply your change again`,
        );
      }
      await appendTimeline(tx, {
        events: [
          {
            recordType: 'incident',
            recordId: incident.id,
            kind: 'postmortem_updated',
            actorRef: caller.actorRef,
            field: 'postmortemStatus',
            oldValue: from,
            newValue: input.to,
            body: `Postmortem ${input.to.replace('_', ' ')}`,
          },
        ],
        now,
      });
      return postmortemFromRow((await findPostmortemRow(tx, incident.id))!);
    });
  }

  /** Postmortems of the incidents the caller may read, newest change first. */
  async list(options: {
    statuses?: PostmortemStatus[];
    after?: Cursor;
    limit: number;
    caller: Caller;
  }): Promise<{ items: PostmortemListItem[]; nextCursor: string | null }> {
    const restrict = await this.deps.authorizer.restrictionFor(
      itsmIncidentReadPermission,
      options.caller.credentials,
    );
    return listPostmortems(this.deps.db, {
      statuses: options.statuses,
      restrict,
      after: options.after,
      limit: options.limit,
    });
  }
}
