import {
  isCreatePermission,
  isResourcePermission,
} from '@backstage/plugin-permission-common';
import {
  INCIDENT_RESOURCE_TYPE,
  PROBLEM_RESOURCE_TYPE,
  itsmAlertIngestPermission,
  itsmIncidentCreatePermission,
  itsmPermissions,
} from './permissions';

describe('itsm permissions', () => {
  it('lists every permission once, by name', () => {
    expect(itsmPermissions.map(p => p.name)).toEqual([
      'itsm.incident.create',
      'itsm.incident.read',
      'itsm.incident.update',
      'itsm.problem.create',
      'itsm.problem.read',
      'itsm.problem.update',
      'itsm.alert.ingest',
      'itsm.change.ingest',
      'itsm.change.read',
    ]);
  });

  it('ties read and update to the record resource types', () => {
    const byName = Object.fromEntries(itsmPermissions.map(p => [p.name, p]));
    for (const action of ['read', 'update']) {
      expect(
        isResourcePermission(
          byName[`itsm.incident.${action}`],
          INCIDENT_RESOURCE_TYPE,
        ),
      ).toBe(true);
      expect(
        isResourcePermission(
          byName[`itsm.problem.${action}`],
          PROBLEM_RESOURCE_TYPE,
        ),
      ).toBe(true);
    }
    expect(INCIDENT_RESOURCE_TYPE).toBe('itsm-incident');
    expect(PROBLEM_RESOURCE_TYPE).toBe('itsm-problem');
  });

  it('makes create and ingest basic create permissions', () => {
    for (const permission of [
      itsmIncidentCreatePermission,
      itsmAlertIngestPermission,
    ]) {
      expect(isCreatePermission(permission)).toBe(true);
      expect(isResourcePermission(permission)).toBe(false);
    }
  });
});
