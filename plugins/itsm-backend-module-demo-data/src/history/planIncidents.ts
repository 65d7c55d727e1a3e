import {
  IMPACTS,
  Impact,
  IncidentSource,
  Priority,
  URGENCIES,
  Urgency,
  derivePriority,
} from '@backstage-itsm/plugin-itsm-common';
import { ALERT_REPORTERS, demoEntity, ownerMembers } from './catalog';
import { CURRENT_INCIDENTS } from './currentIncidents';
import {
  BACKGROUND_ENTITY_WEIGHTS,
  BACKGROUND_TEMPLATES,
  IncidentTemplate,
} from './incidentScenarios';
import { drawMagnitude } from './magnitude';
import { IncidentPlan, ProblemFrame } from './model';
import { IncidentSeries, PriorityWeights } from './problemScenarios';
import { Random } from './random';
import { DAY, HOUR, MINUTE } from './time';

const BACKGROUND_INCIDENT_COUNT = 200;

const HISTORY_DAYS = 182;

const BACKGROUND_PRIORITIES: PriorityWeights = [
  [1, 4],
  [2, 10],
  [3, 32],
  [4, 37],
  [5, 17],
];

// Only the scripted current incidents may be an open P1 or P2, so recent
// incidents are drawn from P3 to P5.
const RECENT = 3 * DAY;

/** Plans every incident of the history, numbered in creation order. */
export function planIncidents(options: {
  r: Random;
  now: number;
  problems: readonly ProblemFrame[];
}): IncidentPlan[] {
  const { r, now, problems } = options;
  const plans: IncidentPlan[] = [];

  for (let i = 0; i < BACKGROUND_INCIDENT_COUNT; i++) {
    const detectedAt = now - r.between(0.05, HISTORY_DAYS) * DAY;
    const priority = drawPriority(r, BACKGROUND_PRIORITIES, now - detectedAt);
    const entityRef = r.weighted(BACKGROUND_ENTITY_WEIGHTS);
    // Only outages make a P1; a slow page or a stale report never does.
    const fits = (t: IncidentTemplate) =>
      priority > 1 || t.category === 'availability';
    const own = BACKGROUND_TEMPLATES.filter(
      t => t.entityRef === entityRef && fits(t),
    );
    const template = r.pick(
      own.length > 0 ? own : BACKGROUND_TEMPLATES.filter(fits),
    );
    plans.push(planOne(r, { template, detectedAt, priority }));
  }

  for (const problem of problems) {
    for (const series of problem.scenario.series) {
      plans.push(...planSeries(r, { series, problem, now }));
    }
  }

  for (const current of CURRENT_INCIDENTS) {
    const problem = problems.find(p => p.scenario.key === current.problemKey);
    plans.push(
      planOne(r, {
        template: current.template,
        detectedAt: now - current.minutesAgo * MINUTE,
        priority: derivePriority(current),
        impactUrgency: current,
        source: current.source,
        occurrences: current.occurrences,
        assigneeRef: current.assignee,
        problem,
        linked: Boolean(problem),
        current: true,
      }),
    );
  }

  plans.sort((a, b) => a.createdAt - b.createdAt);
  plans.forEach((plan, index) => {
    plan.number = index + 1;
  });
  return plans;
}

function planSeries(
  r: Random,
  options: { series: IncidentSeries; problem: ProblemFrame; now: number },
): IncidentPlan[] {
  const { series, problem, now } = options;
  const { daysAgo, templates } = series;
  const times = Array.isArray(daysAgo)
    ? daysAgo.map(d => now - d * DAY + r.between(-0.5, 0.5) * HOUR)
    : Array.from(
        { length: (daysAgo as { count: number }).count },
        () =>
          now -
          r.between(
            (daysAgo as { to: number }).to,
            (daysAgo as { from: number }).from,
          ) *
            DAY,
      );

  const plans: IncidentPlan[] = [];
  let turn = r.int(0, templates.length - 1);
  for (const time of times) {
    let detectedAt = time;
    for (let k = 0; k < (series.perEvent ?? 1); k++) {
      const template = templates[turn++ % templates.length];
      const linkedBeforeClose =
        problem.closedAt === null || detectedAt < problem.closedAt;
      plans.push(
        planOne(r, {
          template,
          detectedAt,
          priority: drawPriority(r, series.priorities, now - detectedAt),
          assigneeRef: series.assignee,
          problem,
          linked: linkedBeforeClose && r.next() < (series.linkShare ?? 1),
        }),
      );
      detectedAt += r.between(5, 40) * MINUTE;
    }
  }
  return plans;
}

function planOne(
  r: Random,
  options: {
    template: IncidentTemplate;
    detectedAt: number;
    priority: Priority;
    impactUrgency?: { impact: Impact; urgency: Urgency };
    source?: IncidentSource;
    occurrences?: number;
    assigneeRef?: string;
    problem?: ProblemFrame;
    linked?: boolean;
    current?: boolean;
  },
): IncidentPlan {
  const { template, detectedAt, priority } = options;
  const { impact, urgency } =
    options.impactUrgency ?? drawImpactUrgency(r, priority);
  const source = options.source ?? drawSource(r, template);
  const members = ownerMembers(template.entityRef);
  const magnitude = drawMagnitude(r, priority);
  const isAlert = source === 'alertmanager' || source === 'events-v2';
  return {
    id: r.uuid(),
    number: 0,
    template,
    title: template.title(magnitude),
    description: template.description(magnitude),
    ownerRef: demoEntity(template.entityRef).owner,
    impact,
    urgency,
    priority,
    source,
    dedupKey: dedupKey(source, template),
    occurrences:
      options.occurrences ?? (isAlert && r.chance(0.4) ? r.int(2, 12) : 1),
    reporterRef:
      source === 'manual' ? r.pick(members) : ALERT_REPORTERS[source],
    assigneeRef: options.assigneeRef ?? r.pick(members),
    detectedAt: Math.round(detectedAt),
    createdAt: Math.round(detectedAt + creationDelay(r, source)),
    problem: options.problem,
    linked: options.linked ?? false,
    current: options.current ?? false,
  };
}

function drawPriority(
  r: Random,
  weights: PriorityWeights,
  age: number,
): Priority {
  const allowed =
    age < RECENT ? weights.filter(([priority]) => priority >= 3) : weights;
  return allowed.length > 0 ? r.weighted(allowed) : 3;
}

function drawImpactUrgency(r: Random, priority: Priority) {
  const pairs = IMPACTS.flatMap(impact =>
    URGENCIES.map(urgency => ({ impact, urgency })),
  ).filter(pair => derivePriority(pair) === priority);
  return r.pick(pairs);
}

function drawSource(r: Random, template: IncidentTemplate): IncidentSource {
  if (!template.alert) {
    return r.weighted<IncidentSource>([
      ['manual', 95],
      ['api', 5],
    ]);
  }
  return r.weighted<IncidentSource>([
    ['manual', 45],
    ['alertmanager', 35],
    ['events-v2', 15],
    ['api', 5],
  ]);
}

function creationDelay(r: Random, source: IncidentSource): number {
  switch (source) {
    case 'manual':
      return r.between(3, 25) * MINUTE;
    case 'api':
      return r.between(1, 5) * MINUTE;
    default:
      return r.between(2, 90) * 1000;
  }
}

// The same alert always carries the same key, as real alerting tools do, so a
// recurring alert opens a new incident only after the previous one is resolved.
function dedupKey(
  source: IncidentSource,
  template: IncidentTemplate,
): string | null {
  if (!template.alert) {
    return null;
  }
  const name = template.entityRef.split('/')[1];
  if (source === 'alertmanager') {
    return fingerprint(`${template.alert}/${name}`);
  }
  if (source === 'events-v2') {
    return `grafana/${name}/${template.alert}`;
  }
  return null;
}

function fingerprint(text: string): string {
  const fnv = (seed: number) => {
    let hash = seed;
    for (let i = 0; i < text.length; i++) {
      hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
    }
    return hash.toString(16).padStart(8, '0');
  };
  return fnv(0x811c9dc5) + fnv(0x9747b28c);
}
