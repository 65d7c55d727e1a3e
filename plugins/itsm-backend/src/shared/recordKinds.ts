import {
  Incident,
  IncidentStatus,
  Problem,
  formatIncidentNumber,
  formatProblemNumber,
  isTerminalIncidentStatus,
  itsmIncidentReadPermission,
  itsmIncidentUpdatePermission,
  itsmProblemReadPermission,
  itsmProblemUpdatePermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import {
  IncidentFilter,
  findIncidentRow,
  listIncidents,
} from '../database/incidents';
import { incidentFromRow } from '../database/mappers';
import {
  ProblemFilter,
  findProblemRow,
  listProblems,
  problemsFromRows,
} from '../database/problems';
import { Authorizer } from './authorizer';
import { RecordAccess, RecordKind } from './recordAccess';

/** Incidents: closed and cancelled ones are read-only. */
export const incidentKind: RecordKind<'incident', Incident, IncidentFilter> = {
  recordType: 'incident',
  readPermission: itsmIncidentReadPermission,
  updatePermission: itsmIncidentUpdatePermission,
  findRow: findIncidentRow,
  toRecord: async (_db, row) => incidentFromRow(row),
  list: listIncidents,
  formatNumber: formatIncidentNumber,
  isReadOnly: status => isTerminalIncidentStatus(status as IncidentStatus),
};

/** Problems, with their affected entities: closed ones are read-only. */
export const problemKind: RecordKind<'problem', Problem, ProblemFilter> = {
  recordType: 'problem',
  readPermission: itsmProblemReadPermission,
  updatePermission: itsmProblemUpdatePermission,
  findRow: findProblemRow,
  toRecord: async (db, row) => (await problemsFromRows(db, [row]))[0],
  list: listProblems,
  formatNumber: formatProblemNumber,
  isReadOnly: status => status === 'closed',
};

/** Incidents as a caller may read and change them. */
export type IncidentRecords = RecordAccess<
  'incident',
  Incident,
  IncidentFilter
>;

/** Problems as a caller may read and change them. */
export type ProblemRecords = RecordAccess<'problem', Problem, ProblemFilter>;

/** Access to incidents for a caller. */
export function incidentRecords(deps: {
  db: Knex;
  authorizer: Authorizer;
}): IncidentRecords {
  return new RecordAccess({ ...deps, kind: incidentKind });
}

/** Access to problems for a caller. */
export function problemRecords(deps: {
  db: Knex;
  authorizer: Authorizer;
}): ProblemRecords {
  return new RecordAccess({ ...deps, kind: problemKind });
}
