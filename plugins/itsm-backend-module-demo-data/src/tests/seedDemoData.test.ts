import { TestDatabases } from '@backstage/backend-test-utils';
import { PROBLEM_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { startDemoBackend } from '../__testUtils__/startDemoBackend';

jest.setTimeout(60_000);

const NOW = Date.UTC(2026, 10, 23, 14, 0, 0);

describe('the demo data module', () => {
  const databases = TestDatabases.create();
  const backends: Array<{ stop(): Promise<void> }> = [];

  afterEach(async () => {
    await Promise.all(backends.splice(0).map(backend => backend.stop()));
    jest.restoreAllMocks();
  });

  async function startOn(knex: Knex, options: { now: number }) {
    const started = await startDemoBackend({ knex, now: options.now });
    backends.push(started.backend);
    return started;
  }

  async function seededDatabase(
    databaseId: Parameters<typeof databases.init>[0],
  ) {
    const knex = await databases.init(databaseId);
    const { logger } = await startOn(knex, { now: NOW });
    return { knex, logger };
  }

  async function fingerprint(knex: Knex) {
    const counts: Record<string, number> = {};
    for (const table of [
      'itsm_incidents',
      'itsm_problems',
      'itsm_problem_entities',
      'itsm_action_items',
      'itsm_postmortems',
      'itsm_incident_entities',
      'itsm_timeline',
    ]) {
      const [{ count }] = await knex(table).count({ count: '*' });
      counts[table] = Number(count);
    }
    const incidents = await knex('itsm_incidents')
      .orderBy('number')
      .select('id', 'number', 'title', 'status', 'detected_at');
    const problems = await knex('itsm_problems')
      .orderBy('number')
      .select('id', 'number', 'title', 'status');
    return {
      counts,
      incidents: incidents.map(row => ({
        ...row,
        detected_at: Number(row.detected_at),
      })),
      problems,
    };
  }

  it.each(databases.eachSupportedId())(
    'seeds a consistent history on %p',
    async databaseId => {
      const { knex, logger } = await seededDatabase(databaseId);
      const incidents = await knex('itsm_incidents');
      const problems = await knex('itsm_problems');
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining(
          `Seeded ITSM demo data: ${incidents.length} incidents, ${problems.length} problems,`,
        ),
      );
      expect(incidents.length).toBeGreaterThanOrEqual(250);
      expect(incidents.length).toBeLessThanOrEqual(400);
      expect(problems.length).toBeGreaterThanOrEqual(12);

      const problemIds = new Set(problems.map(p => p.id));
      expect(
        incidents.filter(
          i => i.problem_id !== null && !problemIds.has(i.problem_id),
        ),
      ).toEqual([]);

      const linkedCounts = new Map<string, number>();
      for (const incident of incidents.filter(i => i.problem_id !== null)) {
        const key = `${incident.problem_id}|${incident.entity_ref}`;
        linkedCounts.set(key, (linkedCounts.get(key) ?? 0) + 1);
      }
      const entities = await knex('itsm_problem_entities');
      const stored = new Map<string, number>(
        entities.map(row => [
          `${row.problem_id}|${row.entity_ref}`,
          Number(row.incident_count),
        ]),
      );
      for (const [key, count] of linkedCounts) {
        expect({ key, count: stored.get(key) }).toEqual({ key, count });
      }
      expect(
        entities.filter(
          row =>
            !linkedCounts.has(`${row.problem_id}|${row.entity_ref}`) &&
            (!row.explicit || Number(row.incident_count) !== 0),
        ),
      ).toEqual([]);

      const sequences = await knex('itsm_sequences').orderBy('name');
      expect(sequences.map(s => [s.name, Number(s.last_value)])).toEqual([
        ['incident', Math.max(...incidents.map(i => Number(i.number)))],
        ['problem', Math.max(...problems.map(p => Number(p.number)))],
      ]);

      const done = incidents.filter(i =>
        ['resolved', 'closed'].includes(i.status),
      );
      expect(done.length).toBeGreaterThan(200);
      expect(
        done.filter(
          i =>
            !i.resolution_code ||
            !i.resolution_notes ||
            i.acknowledged_at === null ||
            i.resolved_at === null ||
            Number(i.acknowledged_at) < Number(i.detected_at) ||
            Number(i.resolved_at) < Number(i.acknowledged_at),
        ),
      ).toEqual([]);
      expect(
        incidents.filter(i => i.status === 'on_hold' && !i.hold_reason),
      ).toEqual([]);

      const created = await knex('itsm_timeline')
        .where({ kind: 'created' })
        .select('record_type', 'record_id');
      const createdKeys = new Set(
        created.map(row => `${row.record_type}/${row.record_id}`),
      );
      for (const incident of incidents) {
        expect(createdKeys).toContain(`incident/${incident.id}`);
      }
      for (const problem of problems) {
        expect(createdKeys).toContain(`problem/${problem.id}`);
      }
      const [{ latest }] = await knex('itsm_timeline').max({
        latest: 'created_at',
      });
      expect(Number(latest)).toBeLessThanOrEqual(NOW);

      expect(new Set(problems.map(p => p.status))).toEqual(
        new Set(PROBLEM_STATUSES),
      );
      expect(
        problems.filter(p => Boolean(p.known_error)).length,
      ).toBeGreaterThanOrEqual(4);
      const open = ['new', 'in_progress', 'on_hold'];
      const openP1 = incidents.filter(
        i => Number(i.priority) === 1 && open.includes(i.status),
      );
      const openP2 = incidents.filter(
        i => Number(i.priority) === 2 && open.includes(i.status),
      );
      expect(openP1).toHaveLength(1);
      expect(openP2).toHaveLength(1);
      expect(openP1[0].entity_ref).not.toBe(openP2[0].entity_ref);

      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'seeds the history the README describes on %p',
    async databaseId => {
      const { knex } = await seededDatabase(databaseId);
      expect((await fingerprint(knex)).counts).toEqual({
        itsm_incidents: 348,
        itsm_problems: 15,
        itsm_problem_entities: 30,
        itsm_action_items: 115,
        itsm_postmortems: 47,
        itsm_incident_entities: 19,
        itsm_timeline: 3742,
      });
      const knownErrors = await knex('itsm_problems').where({
        known_error: true,
      });
      expect(knownErrors).toHaveLength(7);
      const openP1 = await knex('itsm_incidents')
        .where({ priority: 1 })
        .whereIn('status', ['new', 'in_progress', 'on_hold'])
        .select('number', 'entity_ref');
      expect(openP1.map(row => [Number(row.number), row.entity_ref])).toEqual([
        [346, 'component:default/payments-api'],
      ]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'seeds nothing when itsm.demoData is off on %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { backend } = await startDemoBackend({
        knex,
        now: NOW,
        demoData: false,
      });
      backends.push(backend);
      const [{ count }] = await knex('itsm_incidents').count({ count: '*' });
      expect(Number(count)).toBe(0);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'is deterministic for the same time on %p',
    async databaseId => {
      const first = await seededDatabase(databaseId);
      const second = await seededDatabase(databaseId);
      expect(await fingerprint(second.knex)).toEqual(
        await fingerprint(first.knex),
      );
      await first.knex.destroy();
      await second.knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'leaves a database with incidents alone on %p',
    async databaseId => {
      const { knex } = await seededDatabase(databaseId);
      const before = await fingerprint(knex);

      const { logger } = await startOn(knex, { now: NOW + 86_400_000 });

      expect(await fingerprint(knex)).toEqual(before);
      expect(logger.info).toHaveBeenCalledWith(
        expect.stringContaining('not seeded'),
      );
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'lets open alert incidents of the demo keep deduplicating on %p',
    async databaseId => {
      const { knex } = await seededDatabase(databaseId);
      const alertIncidents = await knex('itsm_incidents')
        .whereNotNull('dedup_key')
        .whereIn('status', ['new', 'in_progress', 'on_hold'])
        .select('source', 'dedup_key', 'open_dedup_key');
      expect(alertIncidents.length).toBeGreaterThan(0);
      for (const row of alertIncidents) {
        expect(row.open_dedup_key).toBe(`${row.source}:${row.dedup_key}`);
      }
      expect(
        await knex('itsm_incidents')
          .whereNotNull('open_dedup_key')
          .whereNotIn('status', ['new', 'in_progress', 'on_hold'])
          .select('id'),
      ).toEqual([]);
    },
  );
});
