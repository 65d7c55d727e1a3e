// What the storm benchmark checks in the database once every delivery is
// answered: no acknowledged alert lost, no duplicate incident per key,
// occurrences between the acknowledged deliveries and the attempts, and
// gap-free incident numbers.

/**
 * Compares the incidents of the keys in `tally` (`<source>:<dedup key>`)
 * with what was acknowledged and attempted (`runs`: the run ids the keys
 * start with).
 */
export async function checkAlerts(db, tally, runs) {
  const { rows } = await db.query(
    `SELECT source || ':' || dedup_key AS key,
            count(*)::int AS incidents,
            count(*) FILTER (WHERE open_dedup_key IS NOT NULL)::int AS open,
            sum(occurrence_count)::int AS occurrences
       FROM itsm_incidents
      WHERE dedup_key LIKE ANY($1)
      GROUP BY source, dedup_key`,
    [runs.map(r => `${r}-%`)],
  );
  const found = new Map(rows.map(r => [r.key, r]));
  const result = {
    keys: tally.acked.size,
    lost: 0,
    duplicated: 0,
    underCounted: 0,
    overCounted: 0,
    ackedDeliveries: 0,
    occurrences: 0,
    extraOccurrences: 0,
    examples: [],
  };
  const note = text => {
    if (result.examples.length < 5) result.examples.push(text);
  };
  for (const [key, acked] of tally.acked) {
    const row = found.get(key);
    result.ackedDeliveries += acked;
    if (!row) {
      result.lost += 1;
      note(`${key}: acknowledged ${acked} times, no incident`);
      continue;
    }
    result.occurrences += row.occurrences;
    if (row.incidents !== 1 || row.open !== 1) {
      result.duplicated += 1;
      note(`${key}: ${row.incidents} incidents, ${row.open} open`);
    }
    if (row.occurrences < acked) {
      result.underCounted += 1;
      note(`${key}: ${row.occurrences} occurrences, ${acked} acknowledged`);
    }
    const attempts = tally.attempts.get(key) ?? 0;
    if (row.occurrences > attempts) {
      result.overCounted += 1;
      note(`${key}: ${row.occurrences} occurrences, ${attempts} attempts`);
    }
    result.extraOccurrences += Math.max(0, row.occurrences - acked);
  }
  for (const key of found.keys()) {
    if (!tally.acked.has(key) && !tally.attempts.has(key)) {
      note(`${key}: an incident nobody sent`);
      result.duplicated += 1;
    }
  }
  return result;
}

/** Incident numbers: 1 to n, each once. */
export async function checkNumbers(db) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n, count(DISTINCT number)::int AS distinct_numbers,
            coalesce(min(number), 0)::int AS min, coalesce(max(number), 0)::int AS max
       FROM itsm_incidents`,
  );
  const r = rows[0];
  const gapFree =
    r.n === r.distinct_numbers && r.n === r.max && (r.n === 0 || r.min === 1);
  return { ...r, gapFree };
}

/** Alerts of the runs that went to the unrouted inbox instead. */
export async function countUnrouted(db, runs) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS n FROM itsm_unrouted_alerts WHERE dedup_key LIKE ANY($1)`,
    [runs.map(r => `${r}-%`)],
  );
  return rows[0].n;
}
