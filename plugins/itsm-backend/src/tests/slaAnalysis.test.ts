import { TestDatabases } from '@backstage/backend-test-utils';
import { incidentInput, userCaller } from '../__testUtils__/fixtures';
import {
  HOUR,
  MINUTE,
  SLA_T0,
  createSlaServices,
} from '../__testUtils__/slaFixture';

jest.setTimeout(120_000);

const ben = userCaller('ben');
const DAY = 24 * HOUR;
const FROM = Date.parse('2026-11-02T00:00:00Z');
const TO = Date.parse('2026-11-16T00:00:00Z');

describe('SLA analysis', () => {
  const databases = TestDatabases.create({ ids: ['POSTGRES_16', 'SQLITE_3'] });

  /**
   * Week of 2 Nov: A (P1) met both targets, B (P1) missed both. Week of
   * 9 Nov: C (P2) acknowledged in time and still open (resolve undecided),
   * D (P2) cancelled (left out), E (P1) on payments-api met both.
   */
  async function seed(databaseId: Parameters<typeof databases.init>[0]) {
    const knex = await databases.init(databaseId);
    const { services, clock } = await createSlaServices(knex);
    const log = async (at: number, overrides: Record<string, unknown>) => {
      clock.now = at;
      return services.incidents.create(incidentInput(overrides), ben);
    };
    const move = async (at: number, id: string, input: object) => {
      clock.now = at;
      const { version } = await services.incidents.get(id, ben);
      return services.incidents.transition({
        idOrNumber: id,
        input: { version, ...input } as any,
        caller: ben,
      });
    };
    const resolve = {
      to: 'resolved',
      resolutionCode: 'workaround',
      resolutionNotes: 'Restarted',
    };
    const a = await log(SLA_T0, { impact: 1, title: 'A' });
    await move(SLA_T0 + 10 * MINUTE, a.id, { to: 'in_progress' });
    await move(SLA_T0 + 3 * HOUR, a.id, resolve);
    const b = await log(SLA_T0, { impact: 1, title: 'B' });
    await move(SLA_T0 + 20 * MINUTE, b.id, { to: 'in_progress' });
    await move(SLA_T0 + 5 * HOUR, b.id, resolve);
    const c = await log(SLA_T0 + 7 * DAY, { title: 'C' });
    await move(SLA_T0 + 7 * DAY + 5 * MINUTE, c.id, { to: 'in_progress' });
    const d = await log(SLA_T0 + 7 * DAY, { title: 'D' });
    await move(SLA_T0 + 7 * DAY + MINUTE, d.id, { to: 'cancelled' });
    const e = await log(SLA_T0 + 8 * DAY, {
      impact: 1,
      title: 'E',
      entityRef: 'component:default/payments-api',
    });
    await move(SLA_T0 + 8 * DAY + MINUTE, e.id, { to: 'in_progress' });
    await move(SLA_T0 + 8 * DAY + HOUR, e.id, resolve);
    clock.now = SLA_T0 + 9 * DAY;
    return { services, b };
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    it('gives the shares met per target by priority and per week, and the breaches, as worked out by hand', async () => {
      const { services, b } = await seed(databaseId);
      const org = await services.analysis.analyse({
        scope: {},
        from: FROM,
        to: TO,
        caller: ben,
      });
      expect(org.sla).toEqual({
        byPriority: [
          {
            priority: 1,
            respond: { met: 2, breached: 1, share: 2 / 3 },
            resolve: { met: 2, breached: 1, share: 2 / 3 },
          },
          {
            priority: 2,
            respond: { met: 1, breached: 0, share: 1 },
            resolve: { met: 0, breached: 0, share: null },
          },
        ],
        weekly: [
          {
            weekStart: '2026-11-02T00:00:00.000Z',
            respond: { met: 1, breached: 1, share: 0.5 },
            resolve: { met: 1, breached: 1, share: 0.5 },
          },
          {
            weekStart: '2026-11-09T00:00:00.000Z',
            respond: { met: 2, breached: 0, share: 1 },
            resolve: { met: 1, breached: 0, share: 1 },
          },
        ],
        breaches: [
          {
            number: b.number,
            title: 'B',
            priority: 1,
            entityRef: 'component:default/checkout-api',
            targets: ['respond', 'resolve'],
            detectedAt: new Date(SLA_T0).toISOString(),
          },
        ],
      });

      const payments = await services.analysis.analyse({
        scope: { entityRef: 'component:default/payments-api' },
        from: FROM,
        to: TO,
        caller: ben,
      });
      expect(payments.sla?.byPriority).toEqual([
        {
          priority: 1,
          respond: { met: 1, breached: 0, share: 1 },
          resolve: { met: 1, breached: 0, share: 1 },
        },
      ]);
      expect(payments.sla?.breaches).toEqual([]);
    });
  });
});
