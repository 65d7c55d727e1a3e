import {
  ProblemResolutionCode,
  ProblemStatus,
  checkProblemTransition,
  derivePriority,
  formatIncidentNumber,
} from '@backstage-itsm/plugin-itsm-common';
import { ProblemRow } from '@backstage-itsm/plugin-itsm-node';
import { demoEntity } from './catalog';
import { DemoEvent, ProblemFrame } from './model';
import { DAY, HOUR } from './time';

/** Builds a problem row and its own timeline (links are recorded by the incidents). */
export function playProblem(options: {
  frame: ProblemFrame;
  frames: readonly ProblemFrame[];
  /** Numbers of the incidents it was created for, for detected problems. */
  linkedNumbers: readonly number[];
  now: number;
}): { row: ProblemRow; events: DemoEvent[] } {
  const { frame, frames, linkedNumbers, now } = options;
  const { scenario } = frame;
  const timeOf = (status: ProblemStatus) =>
    frame.transitions.find(t => t.to === status)?.at;
  const rcaAt = timeOf('root_cause_analysis');
  const fixAt = timeOf('fix_in_progress');
  const known = frame.knownErrorAt ?? undefined;
  const lastChange = frame.transitions[frame.transitions.length - 1]?.at;

  const change = (
    at: number | undefined,
    value: string | undefined,
  ): [number, string] | undefined =>
    at === undefined || !value ? undefined : [Math.round(at), value];
  const fields: Record<string, [number, string] | undefined> = {
    rcaMethod: change(rcaAt && rcaAt + HOUR / 2, scenario.rcaMethod),
    rootCause: change(
      known ? known - 2 * HOUR : (fixAt ?? lastChange ?? now) - HOUR,
      scenario.rootCause,
    ),
    workaround: change(
      known
        ? known - HOUR
        : Math.min((rcaAt ?? frame.createdAt) + DAY, now - HOUR),
      scenario.workaround,
    ),
    permanentFix: change(
      fixAt ? fixAt + HOUR : (frame.resolvedAt ?? now) - HOUR,
      scenario.permanentFix,
    ),
  };

  const events: DemoEvent[] = [];
  const record = (event: Omit<DemoEvent, 'recordType' | 'recordId'>) =>
    events.push({ recordType: 'problem', recordId: frame.id, ...event });
  const actor = scenario.assignee ?? scenario.reporter;

  record({
    kind: 'created',
    body: scenario.title,
    actorRef: scenario.reporter,
    at: frame.createdAt,
  });
  for (const [field, value] of Object.entries(fields)) {
    if (value) {
      record({
        kind: 'field_changed',
        field,
        oldValue: null,
        newValue: value[1],
        actorRef: actor,
        at: value[0],
      });
    }
  }
  if (known !== undefined) {
    record({
      kind: 'field_changed',
      field: 'knownError',
      oldValue: 'false',
      newValue: 'true',
      body: 'Published as a known error',
      actorRef: actor,
      at: known,
    });
  }
  for (const note of scenario.notes) {
    record({
      kind: 'note',
      body: note.body,
      actorRef: note.author,
      at: Math.round(now - note.daysAgo * DAY),
    });
  }

  const duplicateOf = scenario.duplicateOf
    ? frames.find(f => f.scenario.key === scenario.duplicateOf)!.id
    : null;
  let resolutionCode: ProblemResolutionCode | null = null;
  let resolutionNotes: string | null = null;
  for (const { from, to, at } of frame.transitions) {
    const ending = to === 'resolved' || to === 'closed';
    const code = ending ? scenario.resolutionCode : undefined;
    const check = checkProblemTransition({
      from,
      to,
      fields: {
        resolutionCode: code,
        permanentFix:
          fields.permanentFix && fields.permanentFix[0] <= at
            ? fields.permanentFix[1]
            : null,
        duplicateOf,
      },
    });
    if (!check.ok) {
      throw new Error(`Demo problem ${scenario.key}: ${check.reason}`);
    }
    const notes: string | undefined =
      ending && resolutionNotes === null ? scenario.resolutionNotes : undefined;
    record({
      kind: 'transition',
      field: 'status',
      oldValue: from,
      newValue: to,
      body: notes ?? null,
      actorRef:
        to === 'closed' && scenario.resolutionCode === 'fix_applied'
          ? scenario.reporter
          : actor,
      at,
    });
    if (ending) {
      resolutionCode = code ?? null;
      resolutionNotes = resolutionNotes ?? notes ?? null;
    }
  }

  const own = events.filter(e => e.at <= now);
  const isSet = (field: string) => {
    const value = fields[field];
    return value && value[0] <= now ? value[1] : null;
  };
  const entity = scenario.entityRef ? demoEntity(scenario.entityRef) : null;
  const detected = scenario.source === 'detected' && linkedNumbers.length > 0;
  const row: ProblemRow = {
    id: frame.id,
    number: frame.number,
    title: scenario.title,
    statement: scenario.statement,
    entity_ref: entity?.ref ?? null,
    owner_ref: entity?.owner ?? null,
    category: scenario.category,
    impact: scenario.impact,
    urgency: scenario.urgency,
    priority: derivePriority(scenario),
    status: frame.transitions[frame.transitions.length - 1]?.to ?? 'new',
    assignee_ref: scenario.assignee,
    reporter_ref: scenario.reporter,
    root_cause: isSet('rootCause'),
    rca_method: isSet('rcaMethod'),
    workaround: isSet('workaround'),
    permanent_fix: isSet('permanentFix'),
    known_error: known !== undefined,
    known_error_at: frame.knownErrorAt,
    symptoms: known !== undefined ? scenario.symptoms ?? null : null,
    resolution_code: resolutionCode,
    resolution_notes: resolutionNotes,
    duplicate_of: duplicateOf,
    source: scenario.source,
    detection_key: detected
      ? `${scenario.detectionRule}:${scenario.entityRef}:${
          scenario.category
        }:${formatIncidentNumber(linkedNumbers[0])}`
      : null,
    detection_reason: detected
      ? `${linkedNumbers.length} ${scenario.category} incidents on ${
          scenario.entityRef
        } within 14 days: ${linkedNumbers.map(formatIncidentNumber).join(', ')}`
      : null,
    created_at: frame.createdAt,
    updated_at: Math.max(...own.map(e => e.at)),
    resolved_at: frame.resolvedAt,
    closed_at: frame.closedAt,
    version:
      1 + own.filter(e => e.kind !== 'note' && e.kind !== 'created').length,
  };
  return { row, events: own };
}
