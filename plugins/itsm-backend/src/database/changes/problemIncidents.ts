import { Knex } from 'knex';

/** An incident linked to a problem, as the problem's change summary needs it. */
export interface ProblemIncident {
  id: string;
  number: number;
}

/** The incidents linked to a problem, cancelled ones excluded. */
export async function problemIncidents(
  db: Knex,
  problemId: string,
): Promise<ProblemIncident[]> {
  const rows: { id: string; number: string | number }[] = await db(
    'itsm_incidents',
  )
    .where('problem_id', problemId)
    .whereNot('status', 'cancelled')
    .select('id', 'number');
  return rows.map(row => ({ id: row.id, number: Number(row.number) }));
}

/** Changes by id, in no particular order. */
export async function changesByIds(db: Knex, ids: string[]) {
  const rows = [];
  for (let at = 0; at < ids.length; at += 500) {
    rows.push(
      ...(await db('itsm_changes').whereIn('id', ids.slice(at, at + 500))),
    );
  }
  return rows;
}
