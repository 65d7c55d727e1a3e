// The markdown report of `yarn bench`.
import fs from 'node:fs';

const ms = v => (Number.isFinite(v) ? v.toFixed(v < 10 ? 2 : 1) : 'n/a');
const num = v =>
  Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : 'n/a';
const ratio = (a, b) =>
  Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : 'n/a';

function verdict(row, size) {
  if (!row.target) return '–';
  if (size !== 'full') return `${row.target.text} (not judged at this size)`;
  return `${row.target.text}: **${row.target.met ? 'met' : 'missed'}**`;
}

function latencyTable(rows, size) {
  return [
    '| Case | p50 ms | p95 ms | n | no-op p95 ms | × no-op | SQL replay p95 ms (statements) | × SQL | Target |',
    '|---|--:|--:|--:|--:|--:|--:|--:|---|',
    ...rows.map(
      r =>
        `| ${r.name} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.n} | ${ms(
          r.noopP95,
        )} | ${ratio(r.p95, r.noopP95)} | ${ms(r.sqlP95)} (${
          r.statements
        }) | ${ratio(r.p95, r.sqlP95)} | ${verdict(r, size)} |`,
    ),
  ];
}

function rateTable(rows, size) {
  return [
    '| Case | alerts | alerts/s | deliveries/s | delivery p50 / p95 ms | no-op req/s | deliveries ÷ no-op | storage floor alerts/s | × floor | Target |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|---|',
    ...rows.map(
      r =>
        `| ${r.name} | ${num(r.alerts)} | ${num(r.rate)} | ${num(
          r.deliveriesPerSecond,
        )} | ${ms(r.p50)} / ${ms(r.p95)} | ${num(r.noopRate)} | ${(
          r.deliveriesPerSecond / r.noopRate
        ).toFixed(2)} | ${num(r.floorRate)} | ${(r.rate / r.floorRate).toFixed(
          2,
        )} | ${verdict(r, size)} |`,
    ),
  ];
}

function profileTable(rows) {
  const withProfile = rows.filter(r => r.profile);
  if (withProfile.length === 0) return [];
  return [
    '',
    'Where the server time of one request goes (median of the profiled requests, ms; parts overlap when the plugin runs statements at once):',
    '',
    '| Case | server total | SQL | of which BEGIN/COMMIT | of which locks | permission calls | catalog calls | auth calls | rest (token checks, routing, JSON, code) |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...withProfile.map(r => {
      const p = r.profile;
      return `| ${r.name} | ${ms(p.total)} | ${ms(p.sql)} | ${ms(
        p.transactionControl,
      )} | ${ms(p.locks)} | ${ms(p.permission)} | ${ms(p.catalog)} | ${ms(
        p.auth,
      )} | ${ms(p.rest)} |`;
    }),
  ];
}

function waitsTable(rows) {
  const withWaits = rows.filter(r => r.waits);
  if (withWaits.length === 0) return [];
  return [
    '',
    "The database's sessions during each storm (average number per sample, every 20 ms):",
    '',
    '| Case | running | waiting for a lock | LWLock | I/O | other wait | idle in transaction |',
    '|---|--:|--:|--:|--:|--:|--:|',
    ...withWaits.map(r => {
      const w = r.waits.perSample;
      return `| ${r.name} | ${w.running.toFixed(2)} | ${w.lock.toFixed(
        2,
      )} | ${w.lwlock.toFixed(2)} | ${w.io.toFixed(2)} | ${w.otherWait.toFixed(
        2,
      )} | ${w.idleInTransaction.toFixed(2)} |`;
    }),
  ];
}

/** Writes the report; each case's rows as a latency or rate table. */
export function writeReport(run) {
  const lines = [
    `# yarn bench report (${run.size})`,
    '',
    `- commit ${run.commit}; backend built by \`yarn build:backend\`, run from its bundle with NODE_ENV=production (${run.bundle.packages.length} bundled packages)`,
    `- Node ${run.node}, PostgreSQL ${run.pgVersion}, ${
      run.cpus
    } CPUs shared by the backends, PostgreSQL and the load generator; load average at the end ${run.load
      .map(l => l.toFixed(1))
      .join(' / ')}`,
    `- data: ${num(run.params.incidents)} incidents over ${num(
      run.params.entities,
    )} entities; storms of ${num(run.params.fingerprints)} fingerprints × ${
      run.params.replays
    } replays from ${run.params.concurrency} connections`,
    `- run took ${run.seconds.toFixed(0)} s${
      run.errors.length ? `; **${run.errors.length} error(s)**` : ', no errors'
    }`,
    '',
    'Ratios matter more than absolute figures on a shared machine: each floor is measured in the same run, minutes apart from its case. "No-op" is `GET /api/itsm/ping` (token check and routing, nothing else); "SQL replay" runs the statements the backend sent for one request of the case (captured by the profile), in order, with the same values, over one `pg` connection; the storage floor replays the writes of a delivery (inserts, updates, locks, commits) on empty copies of the tables.',
    '',
  ];
  for (const r of run.results) {
    lines.push(`## ${r.case.title}`, '');
    if (r.error) {
      lines.push(`**Error:** ${r.error}`, '');
      continue;
    }
    const latencyRows = r.rows.filter(x => x.kind === 'latency');
    const rateRows = r.rows.filter(x => x.kind === 'rate');
    const textRows = r.rows.filter(x => x.kind === 'text');
    if (latencyRows.length) lines.push(...latencyTable(latencyRows, run.size));
    if (rateRows.length) lines.push(...rateTable(rateRows, run.size));
    lines.push(...profileTable([...latencyRows, ...rateRows]));
    lines.push(...waitsTable(rateRows));
    for (const t of textRows) lines.push(t.markdown);
    lines.push('', `(${r.seconds.toFixed(0)} s)`, '');
  }
  lines.push(
    '## Memory',
    '',
    'Resident set size of each backend process after each case (MiB):',
    '',
    '| After | instance A | instance B |',
    '|---|--:|--:|',
    ...run.memory.map(m => `| ${m.after} | ${num(m.a)} | ${num(m.b)} |`),
    '',
  );
  if (run.errors.length) {
    lines.push('## Errors', '', ...run.errors.map(e => `- ${e}`), '');
  }
  fs.writeFileSync(run.out, `${lines.join('\n')}\n`);
}
