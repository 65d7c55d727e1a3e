import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TEST_ENTITIES, incidentInput } from '../__testUtils__/fixtures';
import {
  Server,
  mockPermissions,
  sendChecked,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';
import { SLA_CONFIG } from '../__testUtils__/slaFixture';

jest.setTimeout(60_000);

const auth = userHeader('ben');

describe('SLA through HTTP', () => {
  const { permissions, allow } = mockPermissions();
  let server: Server;

  beforeAll(async () => {
    allow(AuthorizeResult.ALLOW);
    server = await startItsmBackend({
      permissions,
      entities: TEST_ENTITIES,
      features: [mockServices.rootConfig.factory({ data: SLA_CONFIG })],
    });
  });

  beforeEach(() => allow(AuthorizeResult.ALLOW));

  it('shows the clocks on a new incident and lists by the soonest due time', async () => {
    const p2 = await sendChecked(
      server,
      'post',
      '/incidents',
      auth,
      incidentInput(),
    );
    const p1 = await sendChecked(
      server,
      'post',
      '/incidents',
      auth,
      incidentInput({ impact: 1 }),
    );
    expect(p1.status).toBe(201);
    expect(p1.body.sla).toMatchObject({
      priority: 1,
      calendar: null,
      respond: { status: 'running', targetMs: 900_000 },
      resolve: { status: 'running', targetMs: 14_400_000 },
    });
    const list = await sendChecked(
      server,
      'get',
      '/incidents?sort=due&limit=1',
      auth,
    );
    expect(list.status).toBe(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([
      p1.body.id,
    ]);
    const next = await sendChecked(
      server,
      'get',
      `/incidents?sort=due&limit=1&cursor=${encodeURIComponent(
        list.body.nextCursor,
      )}`,
      auth,
    );
    expect(next.body.items.map((i: { id: string }) => i.id)).toEqual([
      p2.body.id,
    ]);
  });

  it('refuses the due sort for problems, naming sort', async () => {
    const res = await sendChecked(server, 'get', '/problems?sort=due', auth);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('sort');
  });

  it('adds SLA compliance to the analysis', async () => {
    const res = await sendChecked(server, 'get', '/analysis', auth);
    expect(res.status).toBe(200);
    expect(res.body.sla).toMatchObject({
      byPriority: expect.any(Array),
      weekly: expect.any(Array),
      breaches: [],
    });
  });

  it('answers 401 without a caller and 403 when reading is denied', async () => {
    expect(
      (
        await sendChecked(server, 'get', '/incidents?sort=due', {
          Authorization: mockCredentials.none.header(),
        })
      ).status,
    ).toBe(401);
    allow(AuthorizeResult.DENY);
    const denied = await sendChecked(server, 'get', '/analysis', auth);
    expect(denied.status).toBe(403);
  });

  it('fails start-up on a bad SLA setting, naming the key', async () => {
    await expect(
      startItsmBackend({
        permissions,
        entities: TEST_ENTITIES,
        features: [
          mockServices.rootConfig.factory({
            data: { itsm: { sla: { targets: { P1: { respond: 'soon' } } } } },
          }),
        ],
      }),
    ).rejects.toThrow('itsm.sla.targets.P1.respond');
  });
});
