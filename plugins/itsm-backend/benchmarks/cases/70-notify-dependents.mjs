// A P1 on an entity with 1,000 transitive dependents: the create's latency
// against a P1 on an entity nothing depends on (its floor), and the time
// until all 1,001 notices are sent. Runs notifyDependents.ts (in-process, on
// the plugin's services, with a fake catalog) on PostgreSQL.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO } from '../lib/productionBackend.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));

export default {
  id: 'notify-dependents',
  title: 'Notification fan-out to 1,000 dependents',
  async run(ctx) {
    const pg = `postgresql://${process.env.POSTGRES_USER ?? 'postgres'}${
      process.env.POSTGRES_PASSWORD ? `:${process.env.POSTGRES_PASSWORD}` : ''
    }@${process.env.POSTGRES_HOST ?? '127.0.0.1'}:${
      process.env.POSTGRES_PORT ?? '5432'
    }`;
    const result = spawnSync(
      process.execPath,
      [
        '--require',
        '@backstage/cli/config/nodeTransform.cjs',
        path.join(here, '../notifyDependents.ts'),
      ],
      {
        cwd: REPO,
        encoding: 'utf8',
        env: {
          ...process.env,
          NODE_ENV: 'production',
          ITSM_BENCH_PG: pg,
          ITSM_BENCH_ROUNDS: String(ctx.params.notifyRounds),
        },
      },
    );
    if (result.status !== 0) {
      throw new Error(
        `notifyDependents.ts failed: ${result.stderr.slice(-1000)}`,
      );
    }
    const r = JSON.parse(result.stdout);
    const judged = ctx.size === 'full';
    const ratioMet = r.createRatio <= 1.5;
    const sentMet = r.allSentMs <= 5000;
    return [
      {
        kind: 'text',
        markdown: [
          `In-process on the plugin's services (not through HTTP), PostgreSQL, ${r.rounds} rounds, each send taking ${r.sendMs} ms; medians.`,
          '',
          '| Figure | Value | Floor | Ratio | Target |',
          '|---|--:|--:|--:|---|',
          `| create, 1,000 dependents | ${r.createThousandDependentsMs} ms | ${
            r.createNoDependentsMs
          } ms (no dependents) | ${r.createRatio}× | ratio ≤ 1.5${
            judged
              ? `: **${ratioMet ? 'met' : 'missed'}**`
              : ' (not judged at this size)'
          } |`,
          `| all ${r.notificationsPerFanOut} notices sent | ${
            r.allSentMs
          } ms | ${r.createNoDependentsMs} ms | ${
            r.allSentRatioToBaselineCreate
          }× | ≤ 5 s${
            judged
              ? `: **${sentMet ? 'met' : 'missed'}**`
              : ' (not judged at this size)'
          } |`,
        ].join('\n'),
      },
    ];
  },
};
