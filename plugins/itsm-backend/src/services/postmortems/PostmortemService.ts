import { ConflictError, NotFoundError } from '@backstage/errors';
import { Postmortem } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { postmortemFromRow } from '../../database/mappers';
import { PostmortemRow } from '../../database/tables';
import { appendTimeline } from '../../database/timeline';
import { Caller } from '../../shared/caller';
import { IncidentService } from '../incidents/IncidentService';
import { staleVersionError } from '../../shared/staleVersion';
import { postmortemBody } from '../../service/validation/incidentSchemas';

/** The post-incident review of an incident. */
export class PostmortemService {
  constructor(
    private readonly deps: {
      db: Knex;
      incidents: IncidentService;
      now?: () => number;
    },
  ) {}

  /** The postmortem of an incident the caller may read; 404 until written. */
  async get(incidentIdOrNumber: string, caller: Caller): Promise<Postmortem> {
    const incident = await this.deps.incidents.get(incidentIdOrNumber, caller);
    const row = await this.deps
      .db<PostmortemRow>('itsm_postmortems')
      .where({ incident_id: incident.id })
      .first();
    if (!row) {
      throw new NotFoundError(`${incident.number} has no postmortem yet`);
    }
    return postmortemFromRow(row);
  }

  /**
   * Writes the postmortem. The first write needs no version; later writes
   * send the version they read, like every other edit.
   */
  async save(
    incidentIdOrNumber: string,
    input: z.infer<typeof postmortemBody>,
    caller: Caller,
  ): Promise<Postmortem> {
    const { incident } = await this.deps.incidents.getForUpdate(
      incidentIdOrNumber,
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
      const existing = await tx<PostmortemRow>('itsm_postmortems')
        .where({ incident_id: incident.id })
        .first();
      if (!existing) {
        if (input.version !== undefined && input.version !== 0) {
          throw new ConflictError(
            `version ${input.version} is stale; ${incident.number} has no postmortem yet`,
          );
        }
        await tx('itsm_postmortems').insert({
          incident_id: incident.id,
          ...content,
          created_at: now,
          version: 1,
        });
      } else {
        if (input.version === undefined) {
          throw new ConflictError(
            'version: the postmortem already exists; send the version you last read',
          );
        }
        const updated = await tx('itsm_postmortems')
          .where({ incident_id: incident.id, version: input.version })
          .update({ ...content, version: input.version + 1 });
        if (updated !== 1) {
          throw staleVersionError({
            record: 'postmortem',
            sent: input.version,
            current: existing.version,
          });
        }
      }
      await appendTimeline(
        tx,
        [
          {
            recordType: 'incident',
            recordId: incident.id,
            kind: 'postmortem_updated',
            actorRef: caller.actorRef,
            body: existing ? 'Postmortem updated' : 'Postmortem started',
          },
        ],
        now,
      );
      const row = await tx<PostmortemRow>('itsm_postmortems')
        .where({ incident_id: incident.id })
        .first();
      return postmortemFromRow(row!);
    });
  }
}
