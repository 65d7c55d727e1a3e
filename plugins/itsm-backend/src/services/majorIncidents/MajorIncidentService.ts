import {
  Incident,
  majorIncidentBody,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { z } from 'zod';
import { NewTimelineEvent } from '../../database/timeline';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { CatalogEntities } from '../../shared/catalogEntities';
import { IncidentRecords, incidentRecords } from '../../shared/recordKinds';

const ROLES = [
  { field: 'commanderRef', column: 'commander_ref' },
  { field: 'communicationsLeadRef', column: 'communications_lead_ref' },
] as const;

/**
 * Declares major incidents and names their incident commander and
 * communications lead; the timeline rows (which notify the role holders
 * through the outbox) are written with the change.
 */
export class MajorIncidentService {
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

  /**
   * Declares the incident a major incident unless it is one already, and
   * sets the roles given; a role left out keeps its holder, null clears it.
   * Role holders must be users in the catalog (a 400 names the ref).
   */
  async declare(options: {
    idOrNumber: string;
    input: z.infer<typeof majorIncidentBody>;
    caller: Caller;
  }): Promise<Incident> {
    const { input, caller } = options;
    const { row } = await this.incidents.getForUpdate(
      options.idOrNumber,
      caller,
    );
    this.incidents.assertWritable(row, input.version);
    const holders = await Promise.all(
      ROLES.map(async role => {
        const ref = input[role.field];
        if (ref === undefined || ref === null) {
          return ref;
        }
        const resolved = await this.deps.entities.resolve({
          ref,
          field: role.field,
          credentials: caller.credentials,
          kinds: ['user'],
        });
        return resolved.entityRef;
      }),
    );
    const now = this.deps.now?.() ?? Date.now();
    const event = {
      recordType: 'incident' as const,
      recordId: row.id,
      kind: 'field_changed' as const,
      actorRef: caller.actorRef,
    };
    const changes: Record<string, unknown> = {};
    const events: NewTimelineEvent[] = [];
    if (!row.major) {
      changes.major = true;
      events.push({
        ...event,
        field: 'major',
        oldValue: false,
        newValue: true,
      });
    }
    if (row.declared_at === null || row.declared_at === undefined) {
      changes.declared_at = now;
      events.push({
        ...event,
        field: 'declaredAt',
        oldValue: null,
        newValue: new Date(now).toISOString(),
        body: 'Declared a major incident',
      });
    }
    ROLES.forEach((role, index) => {
      const holder = holders[index];
      const current = row[role.column] ?? null;
      if (holder !== undefined && holder !== current) {
        changes[role.column] = holder;
        events.push({
          ...event,
          field: role.field,
          oldValue: current,
          newValue: holder,
        });
      }
    });
    if (events.length === 0) {
      return this.incidents.get(row.id, caller);
    }
    return this.incidents.save({
      row,
      version: input.version,
      changes: { ...changes, updated_at: now },
      events,
      now,
    });
  }
}
