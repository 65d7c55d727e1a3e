// The data sets cases ask for, seeded once per run by the existing seed
// scripts (each skips what is there already).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

const SCRIPTS = {
  incidents: ['seedIncidents.mjs'],
  problems: ['seedIncidents.mjs', 'seedProblems.mjs'],
};

/** Returns ensure(name): seeds `name` (and what it builds on) once. */
export function createSeeder({ database, incidents, entities, log }) {
  const done = new Set();
  return function ensure(name) {
    const scripts = SCRIPTS[name];
    if (!scripts) throw new Error(`unknown seed ${name}`);
    for (const script of scripts) {
      if (done.has(script)) continue;
      log(
        `  seeding: ${script} (${incidents} incidents, ${entities} entities)`,
      );
      const started = Date.now();
      const result = spawnSync(
        process.execPath,
        [path.join(here, '..', script)],
        {
          encoding: 'utf8',
          env: {
            ...process.env,
            ITSM_BENCH_DATABASE: database,
            ITSM_BENCH_ROWS: String(incidents),
            ITSM_BENCH_ENTITIES: String(entities),
          },
        },
      );
      if (result.status !== 0) {
        throw new Error(
          `${script} failed:\n${result.stdout}\n${result.stderr}`,
        );
      }
      log(`  seeded in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      done.add(script);
    }
  };
}
