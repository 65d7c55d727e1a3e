import {
  PRIORITY_LABELS,
  Priority,
  formatProblemNumber,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ActionItemRow,
  IncidentRow,
  PostmortemRow,
} from '@backstage-itsm/plugin-itsm-node';
import { buildActionItem } from './actionItems';
import { ownerMembers } from './catalog';
import { DemoEvent, IncidentPlan } from './model';
import {
  CATEGORY_ACTIONS,
  CATEGORY_IMPACT,
  CATEGORY_LESSONS,
} from './narrative';
import { Random } from './random';
import {
  DAY,
  HOUR,
  MINUTE,
  formatClock,
  formatDate,
  formatDuration,
} from './time';

const SOURCE_LABELS: Record<string, string> = {
  manual: 'a report from the team',
  alertmanager: 'an Alertmanager alert',
  'events-v2': 'a Grafana alert',
  api: 'the deployment pipeline',
};

/** Whether an incident gets a post-incident review: every P1, most P2s, once resolved. */
export function needsPostmortem(r: Random, row: IncidentRow): boolean {
  if (row.resolved_at === null) {
    return false;
  }
  return row.priority === 1 || (row.priority === 2 && r.chance(0.8));
}

/** Writes the postmortem of a resolved incident, with its action items. */
export function buildPostmortem(options: {
  r: Random;
  plan: IncidentPlan;
  row: IncidentRow;
  now: number;
}): { row: PostmortemRow; actionItems: ActionItemRow[]; events: DemoEvent[] } {
  const { r, plan, row, now } = options;
  const { template, problem } = plan;
  const detected = Number(row.detected_at);
  const acknowledged = Number(row.acknowledged_at);
  const resolved = Number(row.resolved_at);
  const service = template.entityRef.split('/')[1];
  const createdAt = Math.round(
    Math.max(
      resolved + MINUTE,
      Math.min(resolved + r.between(4, 72) * HOUR, now - 10 * MINUTE),
    ),
  );
  const edited = r.chance(0.5)
    ? Math.round(
        Math.min(createdAt + r.between(2, 48) * HOUR, now - 5 * MINUTE),
      )
    : undefined;
  const updatedAt =
    edited !== undefined && edited > createdAt ? edited : createdAt;
  const author = row.assignee_ref ?? plan.assigneeRef;
  const linkedRootCause =
    problem && row.problem_id === problem.id && problem.scenario.rootCause
      ? `${problem.scenario.rootCause}\n\nTracked as ${formatProblemNumber(
          problem.number,
        )}.`
      : undefined;

  const postmortem: PostmortemRow = {
    incident_id: row.id,
    summary: [
      `${row.title}.`,
      row.description,
      `${service} was affected for ${formatDuration(
        resolved - detected,
      )}. The incident was detected through ${
        SOURCE_LABELS[row.source]
      } at ${formatClock(detected)} on ${formatDate(
        detected,
      )}, acknowledged after ${formatDuration(
        acknowledged - detected,
      )} and resolved at ${formatClock(resolved)}.`,
    ].join('\n\n'),
    impact: [
      `- **Priority:** P${row.priority} (${
        PRIORITY_LABELS[row.priority as Priority]
      })${row.priority === 1 ? ', major incident' : ''}`,
      `- **Service:** ${row.entity_ref} (owned by ${row.owner_ref})`,
      `- **Duration:** ${formatDuration(
        resolved - detected,
      )} from detection to resolution`,
      `- **Customer impact:** ${CATEGORY_IMPACT[row.category]}`,
    ].join('\n'),
    root_cause:
      linkedRootCause ??
      `${template.cause}\n\n**Resolution:** ${row.resolution_notes}`,
    lessons_learned: [
      '**What went well**',
      `- Acknowledged after ${formatDuration(acknowledged - detected)}.`,
      row.mitigated_at === null
        ? '- The fix was found without needing a rollback.'
        : `- A workaround limited the impact ${formatDuration(
            Number(row.mitigated_at) - detected,
          )} after detection.`,
      '',
      '**What we will improve**',
      `- ${CATEGORY_LESSONS[row.category]}`,
    ].join('\n'),
    created_at: createdAt,
    updated_at: updatedAt,
    version: updatedAt > createdAt ? 2 : 1,
  };

  const events: DemoEvent[] = [createdAt, updatedAt]
    .filter((at, index) => index === 0 || at > createdAt)
    .map((at, index) => ({
      recordType: 'incident',
      recordId: row.id,
      kind: 'postmortem_updated',
      body: index === 0 ? 'Postmortem drafted' : 'Postmortem updated',
      actorRef: author,
      at,
    }));

  const actionItems: ActionItemRow[] = [];
  const pool = [...(CATEGORY_ACTIONS[row.category] ?? [])];
  const count = Math.min(pool.length, r.int(1, 3));
  for (let i = 0; i < count; i++) {
    const [title, kind] = pool.splice(r.int(0, pool.length - 1), 1)[0];
    const itemCreated = createdAt + i * MINUTE;
    const dueAt = Math.round(itemCreated + r.between(7, 30) * DAY);
    const doneBy = dueAt < now ? r.chance(0.8) : r.chance(0.3);
    const completedAt = doneBy
      ? Math.round(
          Math.min(
            now - HOUR,
            itemCreated + (dueAt - itemCreated) * r.between(0.3, 1.05),
          ),
        )
      : undefined;
    const item = buildActionItem({
      id: r.uuid(),
      parentType: 'incident',
      parentId: row.id,
      title: title.replace('{service}', service),
      kind,
      ownerRef: r.pick(ownerMembers(template.entityRef)),
      createdBy: author,
      createdAt: itemCreated,
      dueAt,
      completedAt:
        completedAt !== undefined && completedAt > itemCreated
          ? completedAt
          : undefined,
    });
    actionItems.push(item.row);
    events.push(...item.events);
  }
  return { row: postmortem, actionItems, events };
}
