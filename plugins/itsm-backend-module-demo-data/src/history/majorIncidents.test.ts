import { buildDemoData } from './buildDemoData';
import { DEMO_TEAMS, demoEntity } from './catalog';

const NOW = Date.UTC(2026, 10, 23, 14, 0, 0);

describe('demo history of major incidents', () => {
  const data = buildDemoData({ now: NOW });
  const { incidents, postmortems, incidentEntities, timeline } = data;
  const users = new Set(Object.values(DEMO_TEAMS).flat());

  it('declares P1 incidents with a commander and a communications lead who are demo users', () => {
    const declared = incidents.filter(i => i.declared_at !== null);
    expect(declared.length).toBeGreaterThanOrEqual(5);
    expect(
      declared.some(i => i.status !== 'closed' && i.resolved_at === null),
    ).toBe(true);
    for (const incident of declared) {
      expect(incident.priority).toBe(1);
      expect(users.has(incident.commander_ref!)).toBe(true);
      expect(users.has(incident.communications_lead_ref!)).toBe(true);
      expect(incident.commander_ref).not.toBe(incident.communications_lead_ref);
      expect(Number(incident.declared_at)).toBeGreaterThanOrEqual(
        Number(incident.detected_at),
      );
      expect(Number(incident.declared_at)).toBeLessThan(NOW);
      expect(
        timeline.filter(
          e => e.record_id === incident.id && e.field === 'declaredAt',
        ),
      ).toHaveLength(1);
    }
  });

  it('has postmortems in every review status, and the closed major incidents published', () => {
    expect(new Set(postmortems.map(p => p.status))).toEqual(
      new Set(['draft', 'in_review', 'published']),
    );
    const closedMajor = new Set(
      incidents
        .filter(i => i.declared_at !== null && i.status === 'closed')
        .map(i => i.id),
    );
    expect(closedMajor.size).toBeGreaterThan(0);
    expect(
      postmortems
        .filter(p => closedMajor.has(p.incident_id))
        .map(p => p.status),
    ).toEqual(
      postmortems
        .filter(p => closedMajor.has(p.incident_id))
        .map(() => 'published'),
    );
    for (const postmortem of postmortems) {
      const moves = timeline.filter(
        e =>
          e.record_id === postmortem.incident_id &&
          e.field === 'postmortemStatus',
      );
      expect(moves.at(-1)?.new_value ?? 'draft').toBe(postmortem.status);
      expect(Number(postmortem.updated_at)).toBeLessThan(NOW);
    }
  });

  it('adds known demo entities other than their own to some incidents, once each', () => {
    const withSeveral = new Set(incidentEntities.map(e => e.incident_id));
    expect(withSeveral.size).toBeGreaterThanOrEqual(5);
    const byId = new Map(incidents.map(i => [i.id, i]));
    const keys = incidentEntities.map(e => `${e.incident_id} ${e.entity_ref}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const row of incidentEntities) {
      expect(() => demoEntity(row.entity_ref)).not.toThrow();
      expect(row.entity_ref).not.toBe(byId.get(row.incident_id)!.entity_ref);
    }
  });
});
