import {
  Incident,
  IncidentStatus,
  ItsmRecordType,
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
  findIncidentRow,
  getIncidentRow,
  updateIncidentRow,
} from '../database/incidents';
import { incidentFromRow } from '../database/mappers';
import {
  findProblemRow,
  getProblemRow,
  problemsFromRows,
  updateProblemRow,
} from '../database/problems';
import { IncidentRow, ProblemRow } from '../database/tables';
import { RecordPermission } from './authorizer';

/** What the services need to know to read, guard and change one kind of record. */
export interface RecordKind<
  TRow extends IncidentRow | ProblemRow,
  TRecord extends Incident | Problem,
> {
  recordType: ItsmRecordType;
  readPermission: RecordPermission;
  updatePermission: RecordPermission;
  findRow(db: Knex, idOrNumber: string): Promise<TRow | undefined>;
  getRow(db: Knex, id: string): Promise<TRow | undefined>;
  updateRow(
    tx: Knex.Transaction,
    options: { id: string; version: number; changes: Partial<TRow> },
  ): Promise<boolean>;
  toRecord(db: Knex, row: TRow): Promise<TRecord>;
  formatNumber(number: number): string;
  /** Whether a record in this status can no longer be edited. */
  isReadOnly(status: string): boolean;
}

/** Incidents: closed and cancelled ones are read-only. */
export const incidentKind: RecordKind<IncidentRow, Incident> = {
  recordType: 'incident',
  readPermission: itsmIncidentReadPermission,
  updatePermission: itsmIncidentUpdatePermission,
  findRow: findIncidentRow,
  getRow: getIncidentRow,
  updateRow: updateIncidentRow,
  toRecord: async (_db, row) => incidentFromRow(row),
  formatNumber: formatIncidentNumber,
  isReadOnly: status => isTerminalIncidentStatus(status as IncidentStatus),
};

/** Problems, with their affected entities: closed ones are read-only. */
export const problemKind: RecordKind<ProblemRow, Problem> = {
  recordType: 'problem',
  readPermission: itsmProblemReadPermission,
  updatePermission: itsmProblemUpdatePermission,
  findRow: findProblemRow,
  getRow: getProblemRow,
  updateRow: updateProblemRow,
  toRecord: async (db, row) => (await problemsFromRows(db, [row]))[0],
  formatNumber: formatProblemNumber,
  isReadOnly: status => status === 'closed',
};
