import {
  HoldReason,
  IncidentResolutionCode,
  IncidentStatus,
  Priority,
  formatIncidentNumber,
  formatProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { INCIDENT_MANAGERS, SYSTEM_ACTOR, demoEntity } from './catalog';
import { IncidentPlan } from './model';
import {
  CANCEL_NOTES,
  CATEGORY_NOTES,
  GENERIC_NOTES,
  GENERIC_RESOLUTIONS,
  UpdatePhase,
  holdNote,
  statusUpdate,
} from './narrative';
import { Random } from './random';
import { DAY, HOUR, MINUTE } from './time';

/** One planned change of an incident; changes later than `now` are never played. */
export type LifecycleStep = { at: number; actorRef: string } & (
  | {
      kind: 'transition';
      to: IncidentStatus;
      holdReason?: HoldReason;
      resolutionCode?: IncidentResolutionCode;
      resolutionNotes?: string;
      /** With resolution code `duplicate`: the original. */
      duplicateOf?: Pick<IncidentPlan, 'id' | 'number'>;
    }
  | { kind: 'assign' }
  | { kind: 'mitigate'; workaround: string }
  | { kind: 'note' | 'status_update'; body: string }
  | { kind: 'alert_occurrence' }
  | { kind: 'link'; hold: boolean }
  | { kind: 'unlink' }
);

// [min, max] minutes to acknowledge and hours from detection to resolution.
const MTTA_MINUTES: Record<Priority, readonly [number, number]> = {
  1: [2, 8],
  2: [4, 20],
  3: [10, 90],
  4: [30, 360],
  5: [60, 1440],
};
const MTTR_HOURS: Record<Priority, readonly [number, number]> = {
  1: [0.75, 4],
  2: [2, 10],
  3: [6, 48],
  4: [24, 120],
  5: [48, 240],
};

/** Plans the whole life of an incident, from first alert to closure. */
export function planLifecycle(
  r: Random,
  options: {
    plan: IncidentPlan;
    now: number;
    /** An earlier incident on the same entity that this one may duplicate. */
    previous?: IncidentPlan;
    /** The original `previous` was resolved as a duplicate of, if it was. */
    originalOfPrevious?: Pick<IncidentPlan, 'id' | 'number'>;
  },
): LifecycleStep[] {
  const { plan, now, previous } = options;
  const { template, priority, problem } = plan;
  const owner = plan.assigneeRef;
  const steps: LifecycleStep[] = [];
  const skew = (range: readonly [number, number], power: number) =>
    range[0] + (range[1] - range[0]) * r.next() ** power;

  const ack = plan.createdAt + skew(MTTA_MINUTES[priority], 2) * MINUTE;
  let resolve = Math.max(
    plan.detectedAt + skew(MTTR_HOURS[priority], 1.5) * HOUR,
    ack + r.between(10, 40) * MINUTE,
  );

  if (!plan.current && !plan.linked && r.chance(0.035)) {
    const at = plan.createdAt + r.between(5, 90) * MINUTE;
    addOccurrences(r, steps, plan, at);
    steps.push({ at, actorRef: owner, kind: 'assign' });
    steps.push({
      at,
      actorRef: owner,
      kind: 'note',
      body: r.pick(CANCEL_NOTES),
    });
    steps.push({ at, actorRef: owner, kind: 'transition', to: 'cancelled' });
    return steps;
  }

  steps.push({ at: ack, actorRef: owner, kind: 'assign' });
  steps.push({
    at: ack,
    actorRef: owner,
    kind: 'transition',
    to: 'in_progress',
  });

  let code: IncidentResolutionCode = 'permanent_fix';
  let notes = template.resolution;
  let duplicateOf: Pick<IncidentPlan, 'id' | 'number'> | undefined;
  let workaround = template.workaround;
  let mitigateAt: number | undefined;
  let hold: { start: number; end: number; reason: HoldReason } | undefined;
  let holdUntilFix = false;

  if (problem && plan.linked) {
    const problemNumber = formatProblemNumber(problem.number);
    const retro = plan.createdAt < problem.createdAt;
    const { source } = problem.scenario;
    const byCreation =
      source === 'detected' || (source === 'from_incident' && priority === 1);
    const linkAt = retro
      ? problem.createdAt + (byCreation ? 0 : r.between(10, 180) * MINUTE)
      : ack + r.between(5, 25) * MINUTE;
    const linkActor =
      source === 'detected'
        ? SYSTEM_ACTOR
        : (retro && problem.scenario.assignee) || owner;
    const fixed = problem.resolvedAt !== null && problem.resolvedAt <= linkAt;
    const fixSoon = problem.resolvedAt
      ? problem.resolvedAt - linkAt < 14 * DAY
      : problem.closedAt === null && now - plan.createdAt < 21 * DAY;
    if (
      !retro &&
      problem.knownErrorAt !== null &&
      problem.knownErrorAt <= linkAt
    ) {
      workaround = problem.scenario.workaround;
      mitigateAt = linkAt + r.between(5, 20) * MINUTE;
      resolve = mitigateAt + r.between(15, 90) * MINUTE;
      code = 'known_error';
      notes = `Applied the documented workaround of ${problemNumber}: ${workaround}`;
    } else if (!retro && !fixed && fixSoon && priority >= 3 && r.chance(0.6)) {
      holdUntilFix = true;
      resolve =
        (problem.resolvedAt ?? now + 30 * DAY) + r.between(1, 24) * HOUR;
      code = 'permanent_fix';
      notes = `Fixed by the permanent fix of ${problemNumber}: ${problem.scenario.permanentFix}`;
    } else if (!retro) {
      resolve = Math.max(resolve, linkAt + r.between(10, 60) * MINUTE);
    }
    steps.push({
      at: linkAt,
      actorRef: linkActor,
      kind: 'link',
      hold: holdUntilFix,
    });
    if (problem.scenario.unlinkOnClose && problem.closedAt !== null) {
      steps.push({
        at: problem.closedAt - 5 * MINUTE,
        actorRef: problem.scenario.assignee ?? owner,
        kind: 'unlink',
      });
    }
  } else if (!plan.current && previous && r.chance(0.06)) {
    code = 'duplicate';
    duplicateOf = options.originalOfPrevious ?? previous;
    notes = `Duplicate of ${formatIncidentNumber(
      duplicateOf.number,
    )}, which tracks the same issue.`;
    workaround = undefined;
    resolve = ack + r.between(5, 30) * MINUTE;
  } else {
    code = r.weighted<IncidentResolutionCode>([
      ['permanent_fix', 50],
      ['workaround', template.workaround ? 22 : 0],
      ['not_reproducible', priority >= 3 ? 10 : 0],
      ['resolved_by_caller', priority >= 3 && plan.source === 'manual' ? 8 : 0],
    ]);
    if (code === 'workaround') {
      notes = `Service restored with a workaround: ${template.workaround}`;
    } else if (code !== 'permanent_fix') {
      notes = GENERIC_RESOLUTIONS[code as keyof typeof GENERIC_RESOLUTIONS];
      workaround = undefined;
    }
    if (!plan.current && priority >= 3 && r.chance(0.15)) {
      const reason = r.weighted<HoldReason>([
        ['awaiting_vendor', template.category === 'dependency' ? 5 : 1],
        ['awaiting_change', 3],
        ['awaiting_caller', plan.source === 'manual' ? 2 : 0],
      ]);
      const start = ack + (resolve - ack) * r.between(0.2, 0.5);
      const length =
        reason === 'awaiting_change'
          ? r.between(1, 5) * DAY
          : r.between(0.5, 3) * DAY;
      hold = { start, end: start + length, reason };
      resolve += length;
    }
  }

  if (plan.current) {
    resolve = Math.max(resolve, now + r.between(1, 3) * HOUR);
  }
  if (
    workaround &&
    mitigateAt === undefined &&
    (code === 'workaround' || r.chance(priority <= 2 ? 0.8 : 0.25))
  ) {
    mitigateAt = ack + (resolve - ack) * r.between(0.2, 0.5);
  }
  if (mitigateAt !== undefined && workaround) {
    steps.push({
      at: mitigateAt,
      actorRef: owner,
      kind: 'mitigate',
      workaround,
    });
  }

  if (hold) {
    steps.push({
      at: hold.start,
      actorRef: owner,
      kind: 'note',
      body: holdNote(hold.reason),
    });
    steps.push({
      at: hold.start,
      actorRef: owner,
      kind: 'transition',
      to: 'on_hold',
      holdReason: hold.reason,
    });
    if (r.chance(0.7)) {
      steps.push({
        at: hold.end,
        actorRef: owner,
        kind: 'transition',
        to: 'in_progress',
      });
    } else {
      resolve = hold.end + r.between(5, 60) * MINUTE;
    }
  }

  addOccurrences(r, steps, plan, resolve);
  addNotes(r, steps, {
    plan,
    from: ack,
    to: Math.min(hold?.start ?? resolve, ack + 3 * DAY),
  });
  addStatusUpdates(r, steps, { plan, ack, resolve, mitigateAt });

  const resolved = (at: number): LifecycleStep => ({
    at,
    actorRef: owner,
    kind: 'transition',
    to: 'resolved',
    resolutionCode: code,
    resolutionNotes: notes,
    duplicateOf,
  });
  steps.push(resolved(resolve));
  let finalResolve = resolve;
  if (
    !plan.current &&
    !holdUntilFix &&
    (code === 'permanent_fix' || code === 'workaround') &&
    r.chance(0.04)
  ) {
    const reopen = resolve + r.between(2, 20) * HOUR;
    steps.push({
      at: reopen,
      actorRef: owner,
      kind: 'transition',
      to: 'in_progress',
    });
    steps.push({
      at: reopen,
      actorRef: owner,
      kind: 'note',
      body: 'Reopened: the errors came back a few hours after the fix. Investigating again.',
    });
    finalResolve = reopen + r.between(1, 8) * HOUR;
    steps.push(resolved(finalResolve));
  }
  steps.push({
    at: finalResolve + r.between(1, 5) * DAY,
    actorRef: r.chance(0.4) ? r.pick(INCIDENT_MANAGERS) : owner,
    kind: 'transition',
    to: 'closed',
  });
  return steps;
}

function addOccurrences(
  r: Random,
  steps: LifecycleStep[],
  plan: IncidentPlan,
  until: number,
) {
  for (let i = 1; i < plan.occurrences; i++) {
    steps.push({
      at: plan.createdAt + (until - plan.createdAt) * r.between(0.05, 0.95),
      actorRef: plan.reporterRef,
      kind: 'alert_occurrence',
    });
  }
}

function addNotes(
  r: Random,
  steps: LifecycleStep[],
  options: { plan: IncidentPlan; from: number; to: number },
) {
  const { plan, from, to } = options;
  const [min, max] = (
    { 1: [3, 5], 2: [2, 4], 3: [1, 2], 4: [0, 2], 5: [0, 1] } as const
  )[plan.priority];
  const count = r.int(min, max);
  const pool = [
    ...GENERIC_NOTES,
    ...(CATEGORY_NOTES[plan.template.category] ?? []),
  ];
  for (let i = 0; i < count; i++) {
    const at = from + ((to - from) * (i + r.next())) / (count + 1);
    const body =
      i === count - 1 && count > 1
        ? `Cause: ${plan.template.cause}`
        : pool.splice(r.int(0, pool.length - 1), 1)[0];
    steps.push({ at, actorRef: plan.assigneeRef, kind: 'note', body });
  }
}

function addStatusUpdates(
  r: Random,
  steps: LifecycleStep[],
  options: {
    plan: IncidentPlan;
    ack: number;
    resolve: number;
    mitigateAt?: number;
  },
) {
  const { plan, ack, resolve, mitigateAt } = options;
  if (plan.priority >= 4 || (plan.priority === 3 && !r.chance(0.3))) {
    return;
  }
  const updates: Array<[number, UpdatePhase]> = [
    [ack + r.between(2, 6) * MINUTE, 'investigating'],
  ];
  if (plan.priority <= 2) {
    const identifiedAt = ack + (resolve - ack) * r.between(0.3, 0.5);
    if (plan.priority === 1) {
      for (
        let at = updates[0][0] + r.between(15, 30) * MINUTE;
        at < identifiedAt - 10 * MINUTE;
        at += r.between(15, 30) * MINUTE
      ) {
        updates.push([at, 'update']);
      }
    }
    updates.push([identifiedAt, 'identified']);
    if (mitigateAt !== undefined) {
      updates.push([mitigateAt + r.between(2, 8) * MINUTE, 'mitigated']);
    }
    updates.push([resolve + r.between(3, 10) * MINUTE, 'resolved']);
  }
  const service = demoEntity(plan.template.entityRef).ref.split('/')[1];
  for (const [at, phase] of updates) {
    steps.push({
      at,
      actorRef: plan.assigneeRef,
      kind: 'status_update',
      body: statusUpdate({
        phase,
        title: plan.title,
        service,
        cause: plan.template.cause,
        workaround: plan.template.workaround,
        at: resolve,
      }),
    });
  }
}
