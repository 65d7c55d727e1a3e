// Entity and organisation incident lists, first and deep page.
import { deepCursor, pickEntities, qs } from '../lib/entities.mjs';
import { measureRead } from '../lib/readCase.mjs';

const LIST = '/api/itsm/incidents';

export default {
  id: 'lists',
  title: 'Incident lists: entity and organisation, first and deep page',
  async run(ctx) {
    ctx.seed('incidents');
    const { busiest, median } = await pickEntities(ctx);
    const at = (params, cursor) =>
      `${LIST}?${qs(cursor ? { ...params, cursor } : params)}`;
    const busy = { entityRef: busiest.entityRef, limit: '25' };
    const busyDeep = await deepCursor(ctx, LIST, busy, 40);
    const med = { entityRef: median.entityRef, limit: '25' };
    const org = { limit: '25' };
    const orgDeep = await deepCursor(ctx, LIST, org, 40);
    return [
      await measureRead(ctx, {
        name: `busiest entity (${busiest.incidents} incidents), first page`,
        paths: [at(busy)],
        target: 5,
      }),
      await measureRead(ctx, {
        name: `busiest entity, page ${busyDeep.page}`,
        paths: [at(busy, busyDeep.cursor)],
        target: 5,
      }),
      await measureRead(ctx, {
        name: `median entity (${median.incidents} incidents), first page`,
        paths: [at(med)],
        target: 5,
      }),
      await measureRead(ctx, {
        name: 'organisation, first page',
        paths: [at(org)],
      }),
      await measureRead(ctx, {
        name: `organisation, page ${orgDeep.page}`,
        paths: [at(org, orgDeep.cursor)],
      }),
    ];
  },
};
