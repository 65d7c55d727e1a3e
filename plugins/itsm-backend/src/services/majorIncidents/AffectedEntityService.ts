import {
  AffectedEntities,
  Incident,
  affectedEntitiesBody,
} from '@backstage-itsm/plugin-itsm-common';
import { InputError } from '@backstage/errors';
import { Knex } from 'knex';
import { z } from 'zod';
import {
  changeIncidentEntities,
  listIncidentEntityRefs,
} from '../../database/incidentEntities';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { CatalogEntities } from '../../shared/catalogEntities';
import { IncidentRecords, incidentRecords } from '../../shared/recordKinds';

/**
 * The entities an incident affects besides its primary entity: they count
 * in the analysis, list the incident on their Incidents tab and show on the
 * status page. Each is checked against the catalog like the primary one.
 */
export class AffectedEntityService {
  private readonly incidents: IncidentRecords;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      entities: CatalogEntities;
      now?: () => number;
    },
  ) {
    this.incidents = incidentRecords(deps);
  }

  /** The affected entities of an incident the caller may read. */
  async get(idOrNumber: string, caller: Caller): Promise<AffectedEntities> {
    const incident = await this.incidents.get(idOrNumber, caller);
    return {
      incidentId: incident.id,
      entityRefs: await listIncidentEntityRefs(this.deps.db, incident.id),
    };
  }

  /**
   * Replaces the affected entities with the list sent, writing a timeline
   * row per entity added or removed and the incident's next version in one
   * transaction.
   */
  async set(options: {
    idOrNumber: string;
    input: z.infer<typeof affectedEntitiesBody>;
    caller: Caller;
  }): Promise<Incident> {
    const { input, caller } = options;
    const { row } = await this.incidents.getForUpdate(
      options.idOrNumber,
      caller,
    );
    this.incidents.assertWritable(row, input.version);
    const requested = await Promise.all(
      input.entityRefs.map(async (ref, index) => {
        const field = `entityRefs[${index}]`;
        const resolved = await this.deps.entities.resolve({
          ref,
          field,
          credentials: caller.credentials,
        });
        if (resolved.entityRef === row.entity_ref) {
          throw new InputError(
            `${field}: '${resolved.entityRef}' is the incident's primary entity`,
          );
        }
        return resolved.entityRef;
      }),
    );
    const wanted = [...new Set(requested)];
    const before = await listIncidentEntityRefs(this.deps.db, row.id);
    const added = wanted.filter(ref => !before.includes(ref));
    const removed = before.filter(ref => !wanted.includes(ref));
    const now = this.deps.now?.() ?? Date.now();
    const event = (ref: string, change: 'added' | 'removed') => ({
      recordType: 'incident' as const,
      recordId: row.id,
      kind: 'field_changed' as const,
      actorRef: caller.actorRef,
      field: 'affectedEntityRefs',
      oldValue: change === 'removed' ? ref : null,
      newValue: change === 'added' ? ref : null,
      body: `Affected entity ${change}: ${ref}`,
    });
    return this.incidents.save({
      row,
      version: input.version,
      changes: { updated_at: now },
      events: [
        ...added.map(ref => event(ref, 'added')),
        ...removed.map(ref => event(ref, 'removed')),
      ],
      now,
      alsoInTransaction: tx =>
        changeIncidentEntities(tx, { incidentId: row.id, added, removed, now }),
    });
  }
}
