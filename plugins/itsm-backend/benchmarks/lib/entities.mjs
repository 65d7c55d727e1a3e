// The entities the read cases look at: the busiest and the median by
// incident count, read once per run.

/** `{ busiest, median }`, each `{ entityRef, incidents }`. */
export async function pickEntities(ctx) {
  if (ctx.shared.entities) return ctx.shared.entities;
  const { rows } = await ctx.db.query(
    `SELECT entity_ref, count(*)::int AS n FROM itsm_incidents
      WHERE entity_ref LIKE 'component:default/svc-%'
      GROUP BY entity_ref ORDER BY n DESC, entity_ref`,
  );
  if (rows.length === 0) throw new Error('no seeded incidents');
  const pick = r => ({ entityRef: r.entity_ref, incidents: r.n });
  ctx.shared.entities = {
    busiest: pick(rows[0]),
    median: pick(rows[Math.floor(rows.length / 2)]),
  };
  return ctx.shared.entities;
}

/** The query string of `params`. */
export const qs = params => new URLSearchParams(params).toString();

/** The cursor of page `pages + 1` (or of the last page) of a list. */
export async function deepCursor(ctx, listPath, params, pages) {
  let cursor;
  let page = 1;
  for (; page <= pages; page++) {
    const res = await ctx.getAsUser(
      `${listPath}?${qs(cursor ? { ...params, cursor } : params)}`,
    );
    const next = JSON.parse(res.body).nextCursor;
    if (!next) break;
    cursor = next;
  }
  return { cursor, page };
}
