// Word search, within the busiest entity and across the organisation.
import { pickEntities, qs } from '../lib/entities.mjs';
import { measureRead } from '../lib/readCase.mjs';

const LIST = '/api/itsm/incidents';
/** Symptoms with a service name (few matches) and common title words. */
const ORG_SEARCHES = [
  'crashloopbackoff svc-0042',
  'stale replica svc-0013',
  'certificate expire svc-0099',
  'connection pool',
  'latency slo',
  'vendor',
];
const ENTITY_SEARCHES = ['connection pool', 'stale replica', 'vendor'];

export default {
  id: 'word-search',
  title: 'Word search: entity-scoped and organisation-wide',
  async run(ctx) {
    ctx.seed('incidents');
    const { busiest } = await pickEntities(ctx);
    return [
      await measureRead(ctx, {
        name: `busiest entity (${busiest.incidents} incidents), ${ENTITY_SEARCHES.length} searches in turn`,
        paths: ENTITY_SEARCHES.map(
          text => `${LIST}?${qs({ entityRef: busiest.entityRef, text })}`,
        ),
      }),
      await measureRead(ctx, {
        name: `organisation, ${ORG_SEARCHES.length} searches in turn`,
        paths: ORG_SEARCHES.map(text => `${LIST}?${qs({ text })}`),
        target: 50,
      }),
    ];
  },
};
