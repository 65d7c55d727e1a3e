import { Knex } from 'knex';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a string is a uuid, so PostgreSQL is never asked to cast junk. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/**
 * Finds a row by uuid or by human number; anything else is simply not
 * found, never a database error.
 */
export async function findRecordRow<TRow>(
  db: Knex,
  options: {
    table: 'itsm_incidents' | 'itsm_problems';
    idOrNumber: string;
    parseNumber: (value: string) => number | undefined;
  },
): Promise<TRow | undefined> {
  const { table, idOrNumber, parseNumber } = options;
  const number = parseNumber(idOrNumber);
  const query = db(table);
  if (number !== undefined) {
    query.where('number', number);
  } else if (isUuid(idOrNumber)) {
    query.where('id', idOrNumber);
  } else {
    return undefined;
  }
  return (await query.first()) as TRow | undefined;
}
