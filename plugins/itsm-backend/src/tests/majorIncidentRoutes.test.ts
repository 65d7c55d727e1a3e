import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { TEST_ENTITIES, incidentInput } from '../__testUtils__/fixtures';
import {
  Server,
  UNKNOWN_ID,
  mockPermissions,
  sendChecked,
  startItsmBackend,
  userHeader,
} from '../__testUtils__/routeTestKit';

jest.setTimeout(60_000);

const auth = userHeader('ben');
const none = { Authorization: mockCredentials.none.header() };

describe('major incident, affected entity and postmortem review routes', () => {
  const { permissions, allow } = mockPermissions();
  let server: Server;

  const send = (
    method: 'get' | 'post' | 'put',
    path: string,
    body?: object,
    headers: Record<string, string> = auth,
  ) => sendChecked(server, method, path, headers, body);

  async function logIncident(overrides: Record<string, unknown> = {}) {
    const res = await send('post', '/incidents', incidentInput(overrides));
    expect(res.status).toBe(201);
    return res.body;
  }

  async function resolve(id: string, version: number) {
    const res = await send('post', `/incidents/${id}/transitions`, {
      version,
      to: 'resolved',
      resolutionCode: 'permanent_fix',
      resolutionNotes: 'Rolled back the release',
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  beforeAll(async () => {
    allow(AuthorizeResult.ALLOW);
    server = await startItsmBackend({ permissions, entities: TEST_ENTITIES });
  });

  beforeEach(() => allow(AuthorizeResult.ALLOW));

  it('answers 401 without a token on every route', async () => {
    const incident = await logIncident();
    const id = incident.id;
    const calls: ['get' | 'post' | 'put', string, object?][] = [
      ['put', `/incidents/${id}/major-incident`, { version: 1 }],
      ['get', `/incidents/${id}/affected-entities`],
      [
        'put',
        `/incidents/${id}/affected-entities`,
        { version: 1, entityRefs: [] },
      ],
      [
        'post',
        `/incidents/${id}/postmortem/status`,
        { version: 1, to: 'in_review' },
      ],
      ['get', '/postmortems'],
    ];
    for (const [method, path, body] of calls) {
      expect((await send(method, path, body, none)).status).toBe(401);
    }
  });

  it('answers 403 when updating or reading is denied', async () => {
    const incident = await logIncident();
    allow(AuthorizeResult.DENY);
    const id = incident.id;
    const denied = [
      await send('put', `/incidents/${id}/major-incident`, { version: 1 }),
      await send('get', `/incidents/${id}/affected-entities`),
      await send('put', `/incidents/${id}/affected-entities`, {
        version: 1,
        entityRefs: [],
      }),
      await send('post', `/incidents/${id}/postmortem/status`, {
        version: 1,
        to: 'in_review',
      }),
      await send('get', '/postmortems'),
    ];
    expect(denied.map(res => res.status)).toEqual([403, 403, 403, 403, 403]);
    allow(AuthorizeResult.ALLOW);
    const after = await send('get', `/incidents/${id}`);
    expect(after.body).toMatchObject({ version: 1, declaredAt: null });
  });

  it('answers 404 for unknown incidents', async () => {
    for (const [method, path, body] of [
      ['put', `/incidents/${UNKNOWN_ID}/major-incident`, { version: 1 }],
      ['get', `/incidents/INC-999999/affected-entities`, undefined],
      [
        'put',
        `/incidents/${UNKNOWN_ID}/affected-entities`,
        { version: 1, entityRefs: [] },
      ],
      [
        'post',
        `/incidents/${UNKNOWN_ID}/postmortem/status`,
        { version: 1, to: 'in_review' },
      ],
    ] as const) {
      expect((await send(method, path, body)).status).toBe(404);
    }
  });

  it('declares a major incident with its roles and shows them in lists', async () => {
    const incident = await logIncident({ title: 'Checkout down for everyone' });
    const res = await send('put', `/incidents/${incident.id}/major-incident`, {
      version: 1,
      commanderRef: 'user:default/alice',
      communicationsLeadRef: 'user:ben',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      major: true,
      commanderRef: 'user:default/alice',
      communicationsLeadRef: 'user:default/ben',
      version: 2,
    });
    expect(Date.parse(res.body.declaredAt)).not.toBeNaN();
    const list = await send(
      'get',
      '/incidents?entityRef=component:default/checkout-api&limit=100',
    );
    expect(
      list.body.items.find((i: { id: string }) => i.id === incident.id),
    ).toMatchObject({ commanderRef: 'user:default/alice' });
    const timeline = await send(
      'get',
      `/incidents/${incident.id}/timeline?limit=100`,
    );
    expect(
      timeline.body.items
        .filter((e: { kind: string }) => e.kind === 'field_changed')
        .map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(
      ['communicationsLeadRef', 'commanderRef', 'declaredAt', 'major'].sort(),
    );

    const again = await send(
      'put',
      `/incidents/${incident.id}/major-incident`,
      {
        version: 2,
        commanderRef: null,
      },
    );
    expect(again.body).toMatchObject({
      commanderRef: null,
      communicationsLeadRef: 'user:default/ben',
      declaredAt: res.body.declaredAt,
      version: 3,
    });
  });

  it('answers 400 naming a role holder that is not a catalog user', async () => {
    const incident = await logIncident();
    const missing = await send(
      'put',
      `/incidents/${incident.id}/major-incident`,
      {
        version: 1,
        commanderRef: 'user:default/nobody',
      },
    );
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain(
      "commanderRef: entity 'user:default/nobody' does not exist in the catalog",
    );
    const group = await send(
      'put',
      `/incidents/${incident.id}/major-incident`,
      {
        version: 1,
        communicationsLeadRef: 'group:default/checkout-team',
      },
    );
    expect(group.status).toBe(400);
    expect(group.body.error.message).toContain(
      "communicationsLeadRef: 'group:default/checkout-team' must be a user entity",
    );
    const badField = await send(
      'put',
      `/incidents/${incident.id}/major-incident`,
      {
        version: 1,
        commander: 'user:default/ben',
      },
    );
    expect(badField.status).toBe(400);
    const noVersion = await send(
      'put',
      `/incidents/${incident.id}/major-incident`,
      {},
    );
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error.message).toContain('version');
    const after = await send('get', `/incidents/${incident.id}`);
    expect(after.body).toMatchObject({ version: 1, major: false });
  });

  it('answers 409 for a stale version and for a closed incident', async () => {
    const incident = await logIncident();
    await send('put', `/incidents/${incident.id}/major-incident`, {
      version: 1,
    });
    const stale = await send(
      'put',
      `/incidents/${incident.id}/major-incident`,
      {
        version: 1,
        commanderRef: 'user:default/ben',
      },
    );
    expect(stale.status).toBe(409);
    const staleEntities = await send(
      'put',
      `/incidents/${incident.id}/affected-entities`,
      { version: 1, entityRefs: ['component:default/payments-api'] },
    );
    expect(staleEntities.status).toBe(409);
  });

  it('keeps a declared major incident open until its postmortem is published', async () => {
    const incident = await logIncident();
    const declared = await send(
      'put',
      `/incidents/${incident.id}/major-incident`,
      {
        version: 1,
        commanderRef: 'user:default/ben',
      },
    );
    const resolved = await resolve(incident.id, declared.body.version);
    const close = (version: number) =>
      send('post', `/incidents/${incident.id}/transitions`, {
        version,
        to: 'closed',
      });
    const without = await close(resolved.version);
    expect(without.status).toBe(400);
    expect(without.body.error.message).toContain(
      'postmortem: a major incident needs a published postmortem before it is closed; none is written yet',
    );
    const written = await send('put', `/incidents/${incident.id}/postmortem`, {
      summary: 'Bad release',
    });
    expect(written.body).toMatchObject({ status: 'draft', version: 1 });
    const draft = await close(resolved.version);
    expect(draft.status).toBe(400);
    expect(draft.body.error.message).toContain('its postmortem is draft');

    const review = await send(
      'post',
      `/incidents/${incident.id}/postmortem/status`,
      { version: 1, to: 'in_review' },
    );
    expect(review.body).toMatchObject({ status: 'in_review', version: 2 });
    const skipped = await send(
      'post',
      `/incidents/${incident.id}/postmortem/status`,
      { version: 2, to: 'in_review' },
    );
    expect(skipped.status).toBe(400);
    expect(skipped.body.error.message).toContain(
      "to: cannot move postmortem from 'in_review' to 'in_review'; allowed: draft, published",
    );
    const staleReview = await send(
      'post',
      `/incidents/${incident.id}/postmortem/status`,
      { version: 1, to: 'published' },
    );
    expect(staleReview.status).toBe(409);
    const badStatus = await send(
      'post',
      `/incidents/${incident.id}/postmortem/status`,
      { version: 2, to: 'approved' },
    );
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.error.message).toContain('to');
    const published = await send(
      'post',
      `/incidents/${incident.id}/postmortem/status`,
      { version: 2, to: 'published' },
    );
    expect(published.body.status).toBe('published');
    const closed = await close(resolved.version);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
  });

  it('closes an incident that was never declared without a postmortem', async () => {
    const incident = await logIncident({ impact: 1, urgency: 1 });
    expect(incident).toMatchObject({ major: true, declaredAt: null });
    const resolved = await resolve(incident.id, 1);
    const closed = await send('post', `/incidents/${incident.id}/transitions`, {
      version: resolved.version,
      to: 'closed',
    });
    expect(closed.status).toBe(200);
  });

  it('answers 404 when moving a postmortem not written yet', async () => {
    const incident = await logIncident();
    const res = await send(
      'post',
      `/incidents/${incident.id}/postmortem/status`,
      {
        version: 1,
        to: 'in_review',
      },
    );
    expect(res.status).toBe(404);
  });

  it('lists postmortems newest first, filtered by status, page by page', async () => {
    const ids: string[] = [];
    for (const title of ['First review', 'Second review', 'Third review']) {
      const incident = await logIncident({ title });
      await send('put', `/incidents/${incident.id}/postmortem`, {
        summary: title,
      });
      ids.push(incident.id);
    }
    await send('post', `/incidents/${ids[1]}/postmortem/status`, {
      version: 1,
      to: 'in_review',
    });
    const inReview = await send('get', '/postmortems?status=in_review');
    expect(inReview.status).toBe(200);
    expect(
      inReview.body.items.map(
        (i: { incidentTitle: string }) => i.incidentTitle,
      ),
    ).toContain('Second review');
    expect(
      inReview.body.items.every(
        (i: { status: string }) => i.status === 'in_review',
      ),
    ).toBe(true);

    const first = await send('get', '/postmortems?status=draft&limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await send(
      'get',
      `/postmortems?status=draft&limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items[0].incidentId).not.toBe(
      first.body.items[0].incidentId,
    );
    expect(
      Date.parse(second.body.items[0].updatedAt) <=
        Date.parse(first.body.items[0].updatedAt),
    ).toBe(true);

    const bad = await send('get', '/postmortems?status=approved');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('status');
    const badCursor = await send('get', '/postmortems?cursor=nonsense');
    expect(badCursor.status).toBe(400);
  });

  it('adds and removes affected entities, validated like the primary one', async () => {
    const incident = await logIncident({ title: 'Checkout and payments fail' });
    const path = `/incidents/${incident.id}/affected-entities`;
    const added = await send('put', path, {
      version: 1,
      entityRefs: ['component:payments-api', 'resource:default/orders-db'],
    });
    expect(added.status).toBe(200);
    expect(added.body.version).toBe(2);
    expect((await send('get', path)).body).toEqual({
      incidentId: incident.id,
      entityRefs: [
        'component:default/payments-api',
        'resource:default/orders-db',
      ],
    });
    const onPayments = await send(
      'get',
      '/incidents?affectingEntityRef=component:default/payments-api&limit=100',
    );
    expect(onPayments.body.items.map((i: { id: string }) => i.id)).toContain(
      incident.id,
    );
    const primaryOnly = await send(
      'get',
      '/incidents?entityRef=component:default/payments-api&limit=100',
    );
    expect(
      primaryOnly.body.items.map((i: { id: string }) => i.id),
    ).not.toContain(incident.id);

    const missing = await send('put', path, {
      version: 2,
      entityRefs: ['component:default/payments-api', 'component:default/ghost'],
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain(
      "entityRefs[1]: entity 'component:default/ghost' does not exist in the catalog",
    );
    const primary = await send('put', path, {
      version: 2,
      entityRefs: ['component:default/checkout-api'],
    });
    expect(primary.status).toBe(400);
    expect(primary.body.error.message).toContain(
      "is the incident's primary entity",
    );
    const notAList = await send('put', path, { version: 2, entityRefs: 'x' });
    expect(notAList.status).toBe(400);
    expect(notAList.body.error.message).toContain('entityRefs');

    const removed = await send('put', path, {
      version: 2,
      entityRefs: ['resource:default/orders-db'],
    });
    expect(removed.body.version).toBe(3);
    const timeline = await send(
      'get',
      `/incidents/${incident.id}/timeline?limit=100`,
    );
    expect(
      timeline.body.items
        .filter((e: { field: string }) => e.field === 'affectedEntityRefs')
        .map((e: { body: string }) => e.body)
        .sort(),
    ).toEqual([
      'Affected entity added: component:default/payments-api',
      'Affected entity added: resource:default/orders-db',
      'Affected entity removed: component:default/payments-api',
    ]);
  });
});
