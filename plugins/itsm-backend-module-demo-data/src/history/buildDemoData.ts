import {
  ActionItemRow,
  IncidentEntityRow,
  IncidentRow,
  PostmortemRow,
  ProblemEntityRow,
  ProblemRow,
  TimelineRow,
} from '@backstage-itsm/plugin-itsm-node';
import { problemActionItems } from './actionItems';
import { playIncident } from './incidentHistory';
import { DemoEvent, IncidentPlan, ProblemFrame } from './model';
import { planIncidents } from './planIncidents';
import { planLifecycle } from './planLifecycle';
import { planProblems } from './planProblems';
import { playMajorIncidents } from './majorIncidents';
import { buildPostmortem, needsPostmortem } from './postmortems';
import { playProblem } from './problemHistory';
import { createRandom } from './random';
import { DAY } from './time';

/** Seed of the demo history; change it to get a different but equally valid history. */
export const DEMO_SEED = 20261123;

/** Every row of the demo history, ready to insert. */
export interface DemoData {
  incidents: IncidentRow[];
  problems: ProblemRow[];
  problemEntities: ProblemEntityRow[];
  actionItems: ActionItemRow[];
  postmortems: PostmortemRow[];
  /** Entities incidents affect besides their own. */
  incidentEntities: IncidentEntityRow[];
  timeline: Array<Omit<TimelineRow, 'id'>>;
}

/** Generates the six-month demo history ending at `now`; the same `now` gives the same data. */
export function buildDemoData(options: { now: number }): DemoData {
  const now = Math.round(options.now);
  const r = createRandom(DEMO_SEED);
  const frames = planProblems(r, now);
  const plans = planIncidents({ r, now, problems: frames });
  const events: DemoEvent[] = [];

  const incidents: IncidentRow[] = [];
  const lastOnEntity = new Map<string, IncidentPlan>();
  // Duplicates point to the first incident, never to another duplicate.
  const originals = new Map<string, Pick<IncidentPlan, 'id' | 'number'>>();
  for (const plan of plans) {
    const entityRef = plan.template.entityRef;
    const last = lastOnEntity.get(entityRef);
    const steps = planLifecycle(r, {
      plan,
      now,
      previous:
        last && plan.createdAt - last.createdAt < DAY ? last : undefined,
      originalOfPrevious: last && originals.get(last.id),
    });
    const played = playIncident({ plan, steps, now });
    if (played.row.duplicate_of_id) {
      originals.set(plan.id, {
        id: played.row.duplicate_of_id,
        number: Number(played.row.duplicate_of_number),
      });
    }
    incidents.push(played.row);
    events.push(...played.events);
    lastOnEntity.set(entityRef, plan);
  }

  const problems: ProblemRow[] = [];
  const actionItems: ActionItemRow[] = [];
  for (const frame of frames) {
    const played = playProblem({
      frame,
      frames,
      linkedNumbers: plans
        .filter(plan => plan.problem === frame && plan.linked)
        .map(plan => plan.number),
      now,
    });
    problems.push(played.row);
    events.push(...played.events);
    const items = problemActionItems(r, frame, now);
    actionItems.push(...items.rows);
    events.push(...items.events);
  }

  const postmortems: PostmortemRow[] = [];
  plans.forEach((plan, index) => {
    const row = incidents[index];
    if (needsPostmortem(r, row)) {
      const built = buildPostmortem({ r, plan, row, now });
      postmortems.push(built.row);
      actionItems.push(...built.actionItems);
      events.push(...built.events);
    }
  });

  // A random stream of its own, so the rest of the history stays as it was.
  const major = playMajorIncidents({
    r: createRandom(DEMO_SEED + 16),
    incidents,
    postmortems,
    now,
  });
  events.push(...major.events);

  touchUpdatedAt([...incidents, ...problems], events);
  return {
    incidents,
    problems,
    problemEntities: affectedEntities(frames, incidents),
    actionItems,
    postmortems,
    incidentEntities: major.incidentEntities,
    timeline: events
      .map((event, index) => ({ event, index }))
      .sort((a, b) => a.event.at - b.event.at || a.index - b.index)
      .map(({ event }) => ({
        record_type: event.recordType,
        record_id: event.recordId,
        kind: event.kind,
        field: event.field ?? null,
        old_value: event.oldValue ?? null,
        new_value: event.newValue ?? null,
        body: event.body ?? null,
        actor_ref: event.actorRef,
        created_at: event.at,
      })),
  };
}

/** One row per entity of a problem's linked incidents, plus its explicit additions. */
function affectedEntities(
  frames: readonly ProblemFrame[],
  incidents: readonly IncidentRow[],
): ProblemEntityRow[] {
  return frames.flatMap(frame => {
    const rows = new Map<string, ProblemEntityRow>();
    for (const entityRef of frame.scenario.explicitEntityRefs ?? []) {
      rows.set(entityRef, {
        problem_id: frame.id,
        entity_ref: entityRef,
        explicit: true,
        incident_count: 0,
      });
    }
    for (const incident of incidents) {
      if (incident.problem_id === frame.id) {
        const row = rows.get(incident.entity_ref) ?? {
          problem_id: frame.id,
          entity_ref: incident.entity_ref,
          explicit: false,
          incident_count: 0,
        };
        row.incident_count = Number(row.incident_count) + 1;
        rows.set(incident.entity_ref, row);
      }
    }
    return [...rows.values()].sort((a, b) =>
      a.entity_ref.localeCompare(b.entity_ref),
    );
  });
}

// Links and notes change a record's updated_at as well, as they do in the services.
function touchUpdatedAt(
  rows: Array<{ id: string; updated_at: number | string }>,
  events: readonly DemoEvent[],
) {
  const latest = new Map<string, number>();
  for (const event of events) {
    if (event.kind !== 'action_item' && event.kind !== 'postmortem_updated') {
      latest.set(
        event.recordId,
        Math.max(latest.get(event.recordId) ?? 0, event.at),
      );
    }
  }
  for (const row of rows) {
    row.updated_at = Math.max(Number(row.updated_at), latest.get(row.id) ?? 0);
  }
}
