import {
  ActionItemListQuery,
  AnalysisQuery,
  CreateIncidentRequest,
  IncidentListQuery,
  NoteRequest,
  ProblemListQuery,
  UnroutedAlertListQuery,
  analysisQuery,
  createIncidentBody,
  listActionItemsQuery,
  listIncidentsQuery,
  listProblemsQuery,
  listUnroutedAlertsQuery,
  noteBody,
} from '.';

/** A query as it reaches the backend: text values, repeated keys as arrays. */
function overTheWire(query: object): Record<string, string | string[]> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of [value].flat()) {
      params.append(key, String(item));
    }
  }
  const received: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    received[key] = values.length === 1 ? values[0] : values;
  }
  return received;
}

describe('request types', () => {
  it('reads an incident list query back as the client typed it', () => {
    const query: IncidentListQuery = {
      entityRef: ['component:default/payments-api', 'component:default/auth'],
      status: 'new',
      priority: [1, 2],
      assigneeRef: 'user:default/jane.doe',
      limit: 10,
      cursor: 'WzE3OTM4MDE2MDAwMDBd',
      text: 'pool',
    };
    expect(listIncidentsQuery.parse(overTheWire(query))).toEqual({
      entityRef: ['component:default/payments-api', 'component:default/auth'],
      status: ['new'],
      priority: [1, 2],
      assigneeRef: 'user:default/jane.doe',
      limit: 10,
      cursor: 'WzE3OTM4MDE2MDAwMDBd',
      text: 'pool',
    });
  });

  it('takes true and false flags as booleans', () => {
    const problems: ProblemListQuery = { knownError: true, status: ['new'] };
    expect(listProblemsQuery.parse(overTheWire(problems))).toEqual({
      knownError: 'true',
      status: ['new'],
    });
    const actionItems: ActionItemListQuery = {
      parentType: 'problem',
      overdue: false,
    };
    expect(listActionItemsQuery.parse(overTheWire(actionItems))).toEqual({
      parentType: 'problem',
      overdue: 'false',
    });
  });

  it('takes analysis times as epoch milliseconds or ISO 8601', () => {
    const query: AnalysisQuery = {
      ownerRef: 'group:default/payments',
      from: 1780000000000,
      to: '2026-06-30T00:00:00.000Z',
    };
    expect(analysisQuery.parse(overTheWire(query))).toEqual({
      ownerRef: 'group:default/payments',
      from: 1780000000000,
      to: Date.parse('2026-06-30T00:00:00.000Z'),
    });
  });

  it('rejects analysis times a JavaScript date cannot hold', () => {
    expect(analysisQuery.parse({ to: '8640000000000000' })).toEqual({
      to: 8.64e15,
    });
    for (const to of ['8640000000000001', '+275760-09-13T00:00:00.001Z']) {
      expect(analysisQuery.safeParse({ to }).success).toBe(false);
    }
  });

  it('rejects over the wire what the client types rule out', () => {
    const query: UnroutedAlertListQuery = {
      // @ts-expect-error: not a status of the unrouted inbox
      status: 'open',
    };
    expect(listUnroutedAlertsQuery.safeParse(overTheWire(query)).success).toBe(
      false,
    );
    const incident: CreateIncidentRequest = {
      title: 'Checkout fails with 502',
      description: 'One request in three.',
      entityRef: 'component:default/payments-api',
      category: 'availability',
      // @ts-expect-error: impact is 1, 2 or 3
      impact: 4,
      urgency: 1,
    };
    expect(createIncidentBody.safeParse(incident).success).toBe(false);
  });

  it('leaves out of a body what the backend fills in', () => {
    const note: NoteRequest = { body: 'Failing over to the secondary region.' };
    expect(noteBody.parse(note)).toEqual({
      body: 'Failing over to the secondary region.',
      visibility: 'internal',
    });
  });
});
