import { Knex } from 'knex';
import { IncidentRow, ProblemRow } from '../database/tables';
import { newProblemRow } from '../database/newProblemRow';

/*
 * A small history with answers worked out by hand in analysis.test.ts.
 * Window: Monday 2026-10-05 to Monday 2026-10-26 (three weeks); "now" is
 * 2026-11-01. checkout-api (A) is owned by checkout-team, payments-api (B) by
 * payments-team; orders-db (D) is the root cause of problem Y. X, rooted
 * in A and fixed on 2026-10-10, also hurts B.
 */

export const A = 'component:default/checkout-api';
export const B = 'component:default/payments-api';
export const D = 'resource:default/orders-db';
export const CHECKOUT_TEAM = 'group:default/checkout-team';
export const PAYMENTS_TEAM = 'group:default/payments-team';

export const FROM = Date.parse('2026-10-05T00:00:00Z');
export const TO = Date.parse('2026-10-26T00:00:00Z');
export const NOW = Date.parse('2026-11-01T00:00:00Z');

const MIN = 60_000;
const HOUR = 60 * MIN;

export const PROBLEM_IDS = {
  X: '10000000-0000-4000-8000-000000000001',
  Y: '10000000-0000-4000-8000-000000000002',
  Z: '10000000-0000-4000-8000-000000000003',
  W: '10000000-0000-4000-8000-000000000004',
  V: '10000000-0000-4000-8000-000000000005',
};

let incidentNumber = 0;

function incident(options: {
  entityRef: string;
  priority: number;
  created: string;
  detectedBefore?: number;
  ackAfter?: number;
  resolveAfter?: number;
  category: string;
  status?: string;
  problemId?: string;
}): IncidentRow {
  incidentNumber += 1;
  const created = Date.parse(options.created);
  const detected = created - (options.detectedBefore ?? 0);
  let status = options.status ?? 'new';
  if (!options.status && options.resolveAfter !== undefined) {
    status = 'resolved';
  } else if (!options.status && options.ackAfter !== undefined) {
    status = 'in_progress';
  }
  return {
    id: `20000000-0000-4000-8000-${String(incidentNumber).padStart(12, '0')}`,
    number: incidentNumber,
    title: `Incident ${incidentNumber}`,
    description: 'Fixture',
    entity_ref: options.entityRef,
    owner_ref: options.entityRef === B ? PAYMENTS_TEAM : CHECKOUT_TEAM,
    category: options.category,
    impact: 1,
    urgency: 1,
    priority: options.priority,
    major: false,
    status,
    hold_reason: null,
    assignee_ref: null,
    reporter_ref: 'user:default/ben',
    source: 'manual',
    dedup_key: null,
    occurrence_count: 1,
    workaround: null,
    resolution_code: options.resolveAfter !== undefined ? 'workaround' : null,
    resolution_notes: options.resolveAfter !== undefined ? 'Done' : null,
    problem_id: options.problemId ?? null,
    detected_at: detected,
    acknowledged_at:
      options.ackAfter !== undefined ? detected + options.ackAfter : null,
    mitigated_at: null,
    resolved_at:
      options.resolveAfter !== undefined
        ? detected + options.resolveAfter
        : null,
    closed_at: null,
    created_at: created,
    updated_at: created,
    version: 1,
  };
}

function problem(
  key: keyof typeof PROBLEM_IDS,
  fields: Partial<ProblemRow> & { created: string },
): ProblemRow {
  const created = Date.parse(fields.created);
  const { created: _created, ...rest } = fields;
  return newProblemRow({
    id: PROBLEM_IDS[key],
    number: Object.keys(PROBLEM_IDS).indexOf(key) + 1,
    title: `Problem ${key}`,
    statement: 'Fixture',
    entity_ref: null,
    owner_ref: null,
    category: 'availability',
    impact: 2,
    urgency: 2,
    priority: 3,
    reporter_ref: 'user:default/ben',
    source: 'manual',
    created_at: created,
    ...rest,
  });
}

/** Inserts the fixture history. */
export async function insertAnalysisFixture(knex: Knex): Promise<void> {
  incidentNumber = 0;
  const problems = [
    problem('X', {
      created: '2026-10-02T00:00:00Z',
      entity_ref: A,
      owner_ref: CHECKOUT_TEAM,
      status: 'resolved',
      resolution_code: 'fix_applied',
      permanent_fix: 'Raised the pool',
      root_cause: 'Pool too small',
      workaround: 'Restart',
      known_error: true,
      known_error_at: Date.parse('2026-10-03T00:00:00Z'),
      resolved_at: Date.parse('2026-10-10T00:00:00Z'),
    }),
    problem('Y', {
      created: '2026-09-20T00:00:00Z',
      entity_ref: D,
      status: 'root_cause_analysis',
    }),
    problem('Z', {
      created: '2026-10-15T00:00:00Z',
      entity_ref: A,
      owner_ref: CHECKOUT_TEAM,
      source: 'detected',
      detection_key: 'fixture:z',
    }),
    problem('W', {
      created: '2026-10-16T00:00:00Z',
      entity_ref: A,
      owner_ref: CHECKOUT_TEAM,
      status: 'closed',
      resolution_code: 'cancelled',
      closed_at: Date.parse('2026-10-17T00:00:00Z'),
    }),
    problem('V', {
      created: '2026-10-01T00:00:00Z',
      entity_ref: B,
      owner_ref: PAYMENTS_TEAM,
      status: 'assess',
    }),
  ];
  const incidents = [
    // 1-5: in the window on A
    incident({
      entityRef: A,
      priority: 1,
      created: '2026-10-05T10:00:00Z',
      detectedBefore: 10 * MIN,
      ackAfter: 10 * MIN,
      resolveAfter: 2 * HOUR,
      category: 'availability',
      problemId: PROBLEM_IDS.X,
    }),
    incident({
      entityRef: A,
      priority: 2,
      created: '2026-10-06T10:00:00Z',
      ackAfter: 5 * MIN,
      resolveAfter: 1 * HOUR,
      category: 'availability',
      problemId: PROBLEM_IDS.X,
    }),
    incident({
      entityRef: A,
      priority: 2,
      created: '2026-10-13T12:00:00Z',
      ackAfter: 20 * MIN,
      resolveAfter: 3 * HOUR,
      category: 'performance',
    }),
    incident({
      entityRef: A,
      priority: 3,
      created: '2026-10-14T12:00:00Z',
      ackAfter: 30 * MIN,
      category: 'performance',
    }),
    incident({
      entityRef: A,
      priority: 3,
      created: '2026-10-20T08:00:00Z',
      category: 'availability',
    }),
    // 6: cancelled, ignored everywhere
    incident({
      entityRef: A,
      priority: 1,
      created: '2026-10-07T00:00:00Z',
      category: 'availability',
      status: 'cancelled',
    }),
    // 7: before the window, linked to X
    incident({
      entityRef: A,
      priority: 2,
      created: '2026-10-01T00:00:00Z',
      ackAfter: MIN,
      resolveAfter: HOUR,
      category: 'availability',
      problemId: PROBLEM_IDS.X,
    }),
    // 8: in the window on B, linked to Y
    incident({
      entityRef: B,
      priority: 4,
      created: '2026-10-08T00:00:00Z',
      ackAfter: HOUR,
      resolveAfter: 5 * HOUR,
      category: 'data',
      problemId: PROBLEM_IDS.Y,
    }),
    // 9: after the window on A
    incident({
      entityRef: A,
      priority: 3,
      created: '2026-10-27T00:00:00Z',
      category: 'availability',
    }),
    // 10-12: after the window, within 28 days of X's fix
    incident({
      entityRef: A,
      priority: 3,
      created: '2026-10-28T00:00:00Z',
      category: 'availability',
      problemId: PROBLEM_IDS.Z,
    }),
    incident({
      entityRef: A,
      priority: 3,
      created: '2026-10-29T00:00:00Z',
      category: 'performance',
      problemId: PROBLEM_IDS.X,
    }),
    incident({
      entityRef: B,
      priority: 3,
      created: '2026-10-30T00:00:00Z',
      category: 'availability',
    }),
  ];
  await knex('itsm_problems').insert(problems);
  await knex('itsm_incidents').insert(incidents);
  await knex('itsm_problem_entities').insert([
    {
      problem_id: PROBLEM_IDS.X,
      entity_ref: A,
      explicit: false,
      incident_count: 4,
    },
    {
      problem_id: PROBLEM_IDS.X,
      entity_ref: B,
      explicit: true,
      incident_count: 0,
    },
    {
      problem_id: PROBLEM_IDS.Z,
      entity_ref: A,
      explicit: false,
      incident_count: 1,
    },
    {
      problem_id: PROBLEM_IDS.Y,
      entity_ref: B,
      explicit: false,
      incident_count: 1,
    },
    {
      problem_id: PROBLEM_IDS.Y,
      entity_ref: A,
      explicit: true,
      incident_count: 0,
    },
  ]);
  const item = (
    n: number,
    parentType: string,
    parentId: string,
    status: string,
    due: string | null,
  ) => ({
    id: `30000000-0000-4000-8000-00000000000${n}`,
    parent_type: parentType,
    parent_id: parentId,
    title: `Action ${n}`,
    owner_ref: CHECKOUT_TEAM,
    due_at: due ? Date.parse(due) : null,
    status,
    kind: 'corrective',
    created_at: FROM,
    updated_at: FROM,
    completed_at: status === 'done' ? FROM : null,
    version: 1,
  });
  await knex('itsm_action_items').insert([
    item(1, 'problem', PROBLEM_IDS.X, 'open', '2026-10-20T00:00:00Z'),
    item(2, 'problem', PROBLEM_IDS.X, 'done', '2026-10-20T00:00:00Z'),
    item(3, 'incident', incidents[3].id, 'open', '2026-11-10T00:00:00Z'),
    item(4, 'problem', PROBLEM_IDS.Y, 'open', null),
    item(5, 'problem', PROBLEM_IDS.V, 'open', '2026-10-25T00:00:00Z'),
  ]);
}
