import { ConflictError, NotFoundError } from '@backstage/errors';
import { Postmortem } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { postmortemFromRow } from '../../database/mappers';
import {
  findPostmortemRow,
  insertPostmortemRow,
  updatePostmortemRow,
} from '../../database/postmortems';
import { appendTimeline } from '../../database/timeline';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { IncidentRecords, incidentRecords } from '../../shared/recordKinds';
import { staleVersionError } from '../../shared/staleVersion';
import { postmortemBody } from '@backstage-itsm/plugin-itsm-common';

/** The post-incident review of an incident. */
export class PostmortemService {
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

  /** The postmortem of an incident the caller may read; 404 until written. */
  async get(incidentIdOrNumber: string, caller: Caller): Promise<Postmortem> {
    const incident = await this.incidents.get(incidentIdOrNumber, caller);
    const row = await findPostmortemRow(this.deps.db, incident.id);
    if (!row) {
      throw new NotFoundError(`${incident.number} has no postmortem yet`);
    }
    return postmortemFromRow(row);
  }

  /**
   * Writes the postmortem. The first write needs no version; later writes
   * send the version they read, like every other edit.
   */
  async save(options: {
    incidentIdOrNumber: string;
    input: z.infer<typeof postmortemBody>;
    caller: Caller;
  }): Promise<Postmortem> {
    const { input, caller } = options;
    const { record: incident } = await this.incidents.getForUpdate(
      options.incidentIdOrNumber,
      caller,
    );
    const now = this.deps.now?.() ?? Date.now();
    const content = {
      summary: input.summary,
      impact: input.impact,
      root_cause: input.rootCause,
      lessons_learned: input.lessonsLearned,
      updated_at: now,
    };
    return this.deps.db.transaction(async tx => {
      const existing = await findPostmortemRow(tx, incident.id);
      if (!existing) {
        if (input.version !== undefined && input.version !== 0) {
          throw new ConflictError(
            `version ${input.version} is stale; ${incident.number} has no postmortem yet`,
          );
        }
        const inserted = await insertPostmortemRow(tx, {
          incident_id: incident.id,
          ...content,
          created_at: now,
          version: 1,
        });
        if (!inserted) {
          throw new ConflictError(
            'version: the postmortem was just started by another request; read it and send its version',
          );
        }
      } else {
        if (input.version === undefined) {
          throw new ConflictError(
            'version: the postmortem already exists; send the version you last read',
          );
        }
        const updated = await updatePostmortemRow(tx, {
          incidentId: incident.id,
          version: input.version,
          changes: content,
        });
        if (!updated) {
          throw staleVersionError({
            record: 'postmortem',
            sent: input.version,
            current: existing.version,
          });
        }
      }
      await appendTimeline(tx, {
        events: [
          {
            recordType: 'incident',
            recordId: incident.id,
            kind: 'postmortem_updated',
            actorRef: caller.actorRef,
            body: existing ? 'Postmortem updated' : 'Postmortem started',
          },
        ],
        now,
      });
      const row = await findPostmortemRow(tx, incident.id);
      return postmortemFromRow(row!);
    });
  }
}
