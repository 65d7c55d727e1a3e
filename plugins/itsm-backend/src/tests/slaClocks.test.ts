import { TestDatabases } from '@backstage/backend-test-utils';
import { incidentInput, userCaller } from '../__testUtils__/fixtures';
import {
  HOUR,
  MINUTE,
  SLA_T0,
  createSlaServices,
} from '../__testUtils__/slaFixture';
import { decodeListCursor } from '../database/listCursor';
import { checkSlaClocks } from '../services/sla/checkSlaClocks';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const iso = (ms: number) => new Date(ms).toISOString();

describe('SLA clocks', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  async function setup(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const sla = await createSlaServices(knex);
    const { services, clock } = sla;
    const at = (ms: number) => {
      clock.now = ms;
    };
    const slaEvents = async (id: string) =>
      (
        await services.incidents.timeline({
          idOrNumber: id,
          limit: 100,
          caller: ben,
        })
      ).items
        .filter(e => e.kind === 'sla')
        .map(e => [e.field, e.newValue]);
    const move = async (id: string, input: Record<string, unknown>) => {
      const current = await services.incidents.get(id, ben);
      return services.incidents.transition({
        idOrNumber: id,
        input: { version: current.version, ...input } as any,
        caller: ben,
      });
    };
    const check = (keeper = services.slaClocks) =>
      checkSlaClocks({ db: knex, keeper, now: clock.now });
    return { knex, ...sla, at, slaEvents, move, check };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('follows an incident through acknowledgement, a pausing hold, a new priority, a warning and a breach', async () => {
      const { services, at, slaEvents, move, check } = await setup(databaseId);
      // P2: respond 30 min, resolve 8 h, 24x7.
      const created = await services.incidents.create(
        incidentInput({ detectedAt: iso(SLA_T0) }),
        ben,
      );
      expect(created.sla).toEqual({
        priority: 2,
        calendar: null,
        respond: {
          status: 'running',
          targetMs: 30 * MINUTE,
          dueAt: iso(SLA_T0 + 30 * MINUTE),
          leftMs: 30 * MINUTE,
          pausedMs: 0,
        },
        resolve: {
          status: 'running',
          targetMs: 8 * HOUR,
          dueAt: iso(SLA_T0 + 8 * HOUR),
          leftMs: 8 * HOUR,
          pausedMs: 0,
        },
      });

      at(SLA_T0 + 10 * MINUTE);
      const acknowledged = await move(created.id, { to: 'in_progress' });
      expect(acknowledged.sla?.respond?.status).toBe('met');

      at(SLA_T0 + HOUR);
      const held = await move(created.id, {
        to: 'on_hold',
        holdReason: 'awaiting_caller',
      });
      expect(held.sla?.resolve).toMatchObject({
        status: 'paused',
        dueAt: null,
        leftMs: 7 * HOUR,
      });

      at(SLA_T0 + 3 * HOUR);
      const resumed = await move(created.id, { to: 'in_progress' });
      expect(resumed.sla?.resolve).toMatchObject({
        status: 'running',
        dueAt: iso(SLA_T0 + 10 * HOUR),
        pausedMs: 2 * HOUR,
      });

      // Raised to P1: 4 h to resolve from detection, with the 2 h paused.
      at(SLA_T0 + 3 * HOUR + MINUTE);
      const raised = await services.incidents.update({
        idOrNumber: created.id,
        input: { version: resumed.version, impact: 1, reason: 'all regions' },
        caller: ben,
      });
      expect(raised.priority).toBe(1);
      expect(raised.sla?.priority).toBe(1);
      expect(raised.sla?.resolve).toMatchObject({
        status: 'running',
        targetMs: 4 * HOUR,
        dueAt: iso(SLA_T0 + 6 * HOUR),
      });
      expect(raised.sla?.respond?.status).toBe('met');
      expect(await slaEvents(created.id)).toEqual([['priority', 'retargeted']]);

      // 75% of 4 h counted at T0 + 5 h.
      at(SLA_T0 + 5 * HOUR - MINUTE);
      await check();
      expect(await slaEvents(created.id)).toHaveLength(1);
      at(SLA_T0 + 5 * HOUR + MINUTE);
      await check();
      await check();
      expect(await slaEvents(created.id)).toEqual([
        ['priority', 'retargeted'],
        ['resolve', 'warning'],
      ]);

      at(SLA_T0 + 6 * HOUR + MINUTE);
      await check();
      await check();
      const overdue = await services.incidents.get(created.id, ben);
      expect(overdue.sla?.resolve?.status).toBe('breached');
      expect(await slaEvents(created.id)).toEqual([
        ['priority', 'retargeted'],
        ['resolve', 'warning'],
        ['resolve', 'breached'],
      ]);

      at(SLA_T0 + 7 * HOUR);
      const resolved = await move(created.id, {
        to: 'resolved',
        resolutionCode: 'permanent_fix',
        resolutionNotes: 'Rolled back',
      });
      expect(resolved.sla?.resolve?.status).toBe('breached');
      expect(resolved.sla?.respond?.status).toBe('met');
      const closed = await move(created.id, { to: 'closed' });
      expect(closed.sla?.resolve).toMatchObject({
        status: 'breached',
        leftMs: -HOUR,
      });
      expect(await slaEvents(created.id)).toHaveLength(3);
    });

    it('does not pause on a hold reason the policy leaves out, and carries on after a reopen', async () => {
      const { services, at, move } = await setup(databaseId);
      const created = await services.incidents.create(
        incidentInput({ detectedAt: iso(SLA_T0), impact: 1 }),
        ben,
      );
      at(SLA_T0 + HOUR);
      await move(created.id, { to: 'on_hold', holdReason: 'awaiting_change' });
      at(SLA_T0 + 2 * HOUR);
      const held = await services.incidents.get(created.id, ben);
      await move(created.id, { to: 'in_progress' });
      expect(held.sla?.resolve).toMatchObject({
        status: 'running',
        dueAt: iso(SLA_T0 + 4 * HOUR),
      });
      await move(created.id, {
        to: 'resolved',
        resolutionCode: 'workaround',
        resolutionNotes: 'Restarted',
      });
      at(SLA_T0 + 5 * HOUR);
      const reopened = await move(created.id, { to: 'in_progress' });
      // Resolved from 2 h to 5 h: the 2 h left run from the reopen.
      expect(reopened.sla?.resolve).toMatchObject({
        status: 'running',
        dueAt: iso(SLA_T0 + 7 * HOUR),
        pausedMs: 3 * HOUR,
      });
    });

    it('counts office hours for P3 across the weekend', async () => {
      const { services } = await setup(databaseId);
      // Fri 6 Nov 2026 16:00 Berlin; P3 (impact 2, urgency 2).
      const friday = Date.parse('2026-11-06T15:00:00Z');
      const created = await services.incidents.create(
        incidentInput({ detectedAt: iso(friday), urgency: 2 }),
        ben,
      );
      expect(created.sla?.calendar).toBe('office');
      // 4 working hours: 1 h Friday, 3 h Monday -> Mon 9 Nov 12:00 Berlin.
      expect(created.sla?.respond?.dueAt).toBe('2026-11-09T11:00:00.000Z');
    });

    it('marks a breach once when two instances check at the same time', async () => {
      const { services, again, at, slaEvents, check, knex } = await setup(
        databaseId,
      );
      const incidents = await Promise.all(
        [1, 2, 3].map(() =>
          services.incidents.create(
            incidentInput({ detectedAt: iso(SLA_T0), impact: 1 }),
            ben,
          ),
        ),
      );
      const other = again().services;
      at(SLA_T0 + 5 * HOUR);
      await Promise.all([
        check(),
        check(other.slaClocks),
        check(),
        check(other.slaClocks),
      ]);
      for (const incident of incidents) {
        expect((await slaEvents(incident.id)).sort()).toEqual([
          ['resolve', 'breached'],
          ['respond', 'breached'],
        ]);
      }
      const outbox = await knex('itsm_outbox').whereIn(
        'record_id',
        incidents.map(i => i.id),
      );
      // One entry for the creation and one for the breaches, per incident.
      expect(outbox).toHaveLength(6);
    });

    it('lists incidents by the soonest due time, overdue first, without clocks last, page by page', async () => {
      const { services, at, move } = await setup(databaseId);
      const log = (overrides: Record<string, unknown>) =>
        services.incidents.create(
          incidentInput({ detectedAt: iso(SLA_T0), ...overrides }),
          ben,
        );
      const p2 = await log({}); // respond due T0 + 30 min
      const p1 = await log({ impact: 1 }); // respond due T0 + 15 min
      const p4 = await log({ impact: 3, urgency: 2 }); // no targets
      const p1Late = await log({ impact: 1, detectedAt: iso(SLA_T0 - HOUR) });
      at(SLA_T0 + MINUTE);
      await move(p1.id, { to: 'in_progress' }); // resolve due T0 + 4 h
      const numbers: string[] = [];
      let after: string | undefined;
      do {
        const page = await services.incidents.list({
          filter: {},
          sort: 'due',
          after: after ? decodeListCursor(after, 'due') : undefined,
          limit: 1,
          caller: ben,
        });
        numbers.push(...page.items.map(i => i.number));
        after = page.nextCursor ?? undefined;
      } while (after);
      expect(numbers).toEqual([p1Late.number, p2.number, p1.number, p4.number]);
    });
  });
});
