import {
  DEFAULT_CATEGORIES,
  LIMITS,
  derivePriority,
  formatIncidentNumber,
  isOpenIncidentStatus,
} from '@backstage-itsm/plugin-itsm-common';
import { buildDemoData } from './buildDemoData';
import { ALERT_REPORTERS, DEMO_TEAMS, demoEntity } from './catalog';
import { DAY, HOUR } from './time';

const NOW = Date.UTC(2026, 10, 23, 14, 0, 0);
const UUID_V4 =
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('buildDemoData', () => {
  const data = buildDemoData({ now: NOW });
  const { incidents, problems, timeline } = data;
  const share = (predicate: (row: (typeof incidents)[number]) => boolean) =>
    incidents.filter(predicate).length / incidents.length;

  it('gives the same history for the same time, shifted with the time', () => {
    expect(buildDemoData({ now: NOW })).toEqual(data);
    const later = buildDemoData({ now: NOW + HOUR });
    expect(later.incidents.map(i => i.title)).toEqual(
      incidents.map(i => i.title),
    );
    later.incidents.forEach((incident, index) => {
      const shift =
        Number(incident.detected_at) - Number(incidents[index].detected_at);
      expect(Math.abs(shift - HOUR)).toBeLessThanOrEqual(1);
    });
  });

  it('uses valid, unique v4 uuids', () => {
    const ids = [
      ...incidents.map(i => i.id),
      ...problems.map(p => p.id),
      ...data.actionItems.map(a => a.id),
    ];
    expect(ids.every(id => UUID_V4.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps every time an integer within the six months before now', () => {
    const times = [
      ...incidents.flatMap(i => [
        i.detected_at,
        i.created_at,
        i.updated_at,
        i.acknowledged_at,
        i.mitigated_at,
        i.resolved_at,
        i.closed_at,
      ]),
      ...problems.flatMap(p => [
        p.created_at,
        p.updated_at,
        p.known_error_at,
        p.resolved_at,
        p.closed_at,
      ]),
      ...data.actionItems.flatMap(a => [a.created_at, a.completed_at]),
      ...data.postmortems.flatMap(p => [p.created_at, p.updated_at]),
      ...timeline.map(t => t.created_at),
    ].filter(time => time !== null);
    for (const time of times) {
      expect(Number.isInteger(time)).toBe(true);
      expect(Number(time)).toBeLessThanOrEqual(NOW);
      expect(Number(time)).toBeGreaterThan(NOW - 183 * DAY);
    }
  });

  it('follows the domain rules and the demo catalog', () => {
    const ownerOf = (ref: string) => demoEntity(ref).owner;
    for (const incident of incidents) {
      expect(DEFAULT_CATEGORIES).toContain(incident.category);
      expect(incident.title.length).toBeLessThanOrEqual(LIMITS.title);
      expect(incident.priority).toBe(
        derivePriority({
          impact: incident.impact as 1 | 2 | 3,
          urgency: incident.urgency as 1 | 2 | 3,
        }),
      );
      expect(incident.major).toBe(incident.priority === 1);
      expect(incident.owner_ref).toBe(ownerOf(incident.entity_ref));
      expect(Number(incident.created_at)).toBeGreaterThanOrEqual(
        Number(incident.detected_at),
      );
    }
    const alertReporters: string[] = Object.values(ALERT_REPORTERS);
    expect(
      incidents.filter(
        i =>
          i.assignee_ref !== null &&
          !DEMO_TEAMS[ownerOf(i.entity_ref)].includes(i.assignee_ref),
      ),
    ).toEqual([]);
    expect(
      incidents.filter(i =>
        i.source === 'manual'
          ? !DEMO_TEAMS[ownerOf(i.entity_ref)].includes(i.reporter_ref)
          : !alertReporters.includes(i.reporter_ref),
      ),
    ).toEqual([]);
    for (const problem of problems) {
      expect(DEFAULT_CATEGORIES).toContain(problem.category);
      expect(problem.owner_ref).toBe(
        problem.entity_ref ? ownerOf(problem.entity_ref) : null,
      );
    }
  });

  it('spreads incidents over priorities, sources and states', () => {
    expect(share(i => i.priority === 1)).toBeGreaterThan(0.015);
    expect(share(i => i.priority === 1)).toBeLessThan(0.05);
    expect(share(i => i.priority === 2)).toBeGreaterThan(0.08);
    expect(share(i => i.priority === 2)).toBeLessThan(0.18);
    expect(share(i => i.priority === 3)).toBeGreaterThan(0.25);
    expect(share(i => i.priority === 4)).toBeGreaterThan(0.25);
    expect(share(i => i.priority === 5)).toBeGreaterThan(0.05);

    expect(share(i => i.source === 'manual')).toBeGreaterThan(0.5);
    const alerts = incidents.filter(
      i => i.source === 'alertmanager' || i.source === 'events-v2',
    );
    expect(alerts.length).toBeGreaterThan(30);
    expect(alerts.every(i => i.dedup_key)).toBe(true);
    expect(alerts.some(i => i.occurrence_count > 1)).toBe(true);

    const old = incidents.filter(i => Number(i.created_at) < NOW - 30 * DAY);
    expect(
      old.filter(i => i.status === 'closed').length / old.length,
    ).toBeGreaterThan(0.9);
    const recent = incidents.filter(i => Number(i.created_at) > NOW - 14 * DAY);
    for (const status of ['new', 'in_progress', 'on_hold', 'resolved']) {
      expect(recent.map(i => i.status)).toContain(status);
    }
    expect(incidents.map(i => i.status)).toContain('cancelled');
  });

  it('never has two open incidents for the same alert', () => {
    const keys = incidents
      .filter(i => i.dedup_key && isOpenIncidentStatus(i.status as 'new'))
      .map(i => `${i.source}/${i.dedup_key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('links each duplicate to its original, never to another duplicate', () => {
    const duplicates = incidents.filter(i => i.resolution_code === 'duplicate');
    expect(duplicates.length).toBeGreaterThan(0);
    const byId = new Map(incidents.map(i => [i.id, i]));
    for (const duplicate of duplicates) {
      const original = byId.get(duplicate.duplicate_of_id!);
      expect(original).toMatchObject({
        number: duplicate.duplicate_of_number,
        entity_ref: duplicate.entity_ref,
        duplicate_of_id: null,
      });
      expect(
        timeline.filter(
          t =>
            t.record_id === original!.id &&
            t.kind === 'duplicate_added' &&
            t.new_value === formatIncidentNumber(duplicate.number),
        ),
      ).toHaveLength(1);
    }
  });

  it('ends every timeline in the status of its record', () => {
    for (const record of [...incidents, ...problems]) {
      const transitions = timeline.filter(
        t => t.record_id === record.id && t.kind === 'transition',
      );
      const first = transitions[0];
      const last = transitions[transitions.length - 1];
      expect(first?.old_value ?? 'new').toBe('new');
      expect(last?.new_value ?? 'new').toBe(record.status);
    }
  });

  it('documents problems as their status requires', () => {
    const knownErrors = problems.filter(p => p.known_error);
    expect(
      knownErrors.filter(
        p =>
          !p.root_cause ||
          !p.workaround ||
          !p.symptoms ||
          p.known_error_at === null,
      ),
    ).toEqual([]);
    expect(
      problems.filter(
        p =>
          p.status === 'resolved' &&
          (p.resolution_code !== 'fix_applied' ||
            !p.permanent_fix ||
            p.resolved_at === null),
      ),
    ).toEqual([]);
    expect(
      problems.filter(
        p => p.status === 'closed' && (!p.resolution_code || !p.closed_at),
      ),
    ).toEqual([]);
    const ids = problems.map(p => p.id);
    expect(
      problems.filter(
        p =>
          p.resolution_code === 'duplicate' && !ids.includes(p.duplicate_of!),
      ),
    ).toEqual([]);

    const detected = problems.filter(p => p.source === 'detected');
    expect(detected).toHaveLength(1);
    expect(detected[0]).toMatchObject({
      status: 'new',
      detection_key: expect.any(String),
      detection_reason: expect.any(String),
    });
    expect(problems.map(p => p.source)).toContain('from_incident');
    expect(problems.some(p => p.entity_ref === null)).toBe(true);
  });

  it('shows the effect of permanent fixes, and one that did not help', () => {
    const start = NOW - 182 * DAY;
    const effects = problems
      .filter(p => p.resolution_code === 'fix_applied')
      .map(problem => {
        const fix = Number(problem.resolved_at);
        const linked = incidents.filter(i => i.problem_id === problem.id);
        const entities = new Set(linked.map(i => i.entity_ref));
        const categories = new Set(linked.map(i => i.category));
        const window = Math.min(30 * DAY, NOW - fix, fix - start);
        const count = (from: number, to: number) =>
          incidents.filter(
            i =>
              entities.has(i.entity_ref) &&
              categories.has(i.category) &&
              Number(i.detected_at) >= from &&
              Number(i.detected_at) < to,
          ).length;
        return {
          before: count(fix - window, fix),
          after: count(fix, fix + window),
        };
      });
    expect(effects.length).toBeGreaterThanOrEqual(3);
    const worked = effects.filter(e => e.after < e.before);
    expect(worked.length).toBe(effects.length - 1);
  });

  it('reviews major incidents and follows up on action items', () => {
    const reviewed = new Set(data.postmortems.map(p => p.incident_id));
    const resolved = incidents.filter(i => i.resolved_at !== null);
    for (const incident of resolved.filter(i => i.priority === 1)) {
      expect(reviewed).toContain(incident.id);
    }
    const p2 = resolved.filter(i => i.priority === 2);
    expect(p2.filter(i => reviewed.has(i.id)).length).toBeGreaterThan(
      p2.length * 0.6,
    );

    const items = data.actionItems;
    expect(new Set(items.map(a => a.parent_type))).toEqual(
      new Set(['problem', 'incident']),
    );
    for (const item of items) {
      expect(item.status === 'done').toBe(item.completed_at !== null);
    }
    expect(items.some(a => a.status === 'open' && Number(a.due_at) < NOW)).toBe(
      true,
    );
    expect(items.some(a => a.status === 'open' && Number(a.due_at) > NOW)).toBe(
      true,
    );
  });
});
