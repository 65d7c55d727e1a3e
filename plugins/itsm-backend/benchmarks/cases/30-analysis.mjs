// The reliability analysis (last 90 days) of the median entity, the busiest
// entity and the organisation.
import { pickEntities, qs } from '../lib/entities.mjs';
import { measureRead } from '../lib/readCase.mjs';

const ANALYSIS = '/api/itsm/analysis';

export default {
  id: 'analysis',
  title: 'Reliability analysis: median entity, busiest entity, organisation',
  async run(ctx) {
    ctx.seed('problems');
    const { busiest, median } = await pickEntities(ctx);
    return [
      await measureRead(ctx, {
        name: `median entity (${median.incidents} incidents)`,
        paths: [`${ANALYSIS}?${qs({ entityRef: median.entityRef })}`],
      }),
      await measureRead(ctx, {
        name: `busiest entity (${busiest.incidents} incidents)`,
        paths: [`${ANALYSIS}?${qs({ entityRef: busiest.entityRef })}`],
        target: 20,
      }),
      await measureRead(ctx, {
        name: 'organisation',
        paths: [ANALYSIS],
        target: 100,
      }),
    ];
  },
};
