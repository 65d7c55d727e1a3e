#!/usr/bin/env node
// @ts-check
/*
 * Search collation of the incidents: reads every page of
 * `GET /api/itsm/search-documents?kind=incidents` as the search module's
 * collator does (keyset pages, one request at a time, one page in memory,
 * each source turned into a search document), and reports documents, time,
 * throughput and the peak RSS of this process (the collator's side) and,
 * given its pid, of the backend (the side that reads the database).
 *
 *   node plugins/itsm-backend/benchmarks/collationBenchmark.mjs
 *
 * Needs the backend started with app-config.benchmark.yaml and
 * app-config.collation-benchmark.yaml (port 7107, database prefix
 * itsm_bench_, a static service token) and the data of seedIncidents.mjs.
 *
 * Environment: ITSM_BENCH_URL (http://localhost:7107), ITSM_BENCH_TOKEN
 * (itsm-collation-benchmark-token), ITSM_BENCH_PAGE_SIZE (500),
 * ITSM_BENCH_WINDOW_DAYS (unset: every incident), ITSM_BENCH_BACKEND_PID
 * (unset: the backend's peak RSS is not reported).
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { createHttpClient, intFromEnv } from './lib/benchmarkKit.mjs';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Peak resident set of a process in MiB, from /proc (Linux only). */
async function peakRssMiB(pid) {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+) kB$/m.exec(status);
  return match ? Number(match[1]) / 1024 : undefined;
}

/**
 * Collates the incidents once through the API and measures it.
 *
 * @param {{ baseUrl: string, token: string, pageSize?: number,
 *   windowDays?: number, backendPid?: number }} options
 */
export async function measureCollation(options) {
  const { baseUrl, token, pageSize = 500, windowDays, backendPid } = options;
  const client = createHttpClient({ baseUrl, timeoutMs: 120_000 });
  const createdAfter =
    windowDays === undefined ? undefined : Date.now() - windowDays * DAY_MS;
  let documents = 0;
  let pages = 0;
  let textBytes = 0;
  let slowestPageMs = 0;
  let cursor;
  const t0 = process.hrtime.bigint();
  try {
    do {
      const params = new URLSearchParams({
        kind: 'incidents',
        limit: String(pageSize),
      });
      if (createdAfter !== undefined) {
        params.set('createdAfter', String(createdAfter));
      }
      if (cursor) params.set('cursor', cursor);
      const res = await client.get(`/api/itsm/search-documents?${params}`, {
        authorization: `Bearer ${token}`,
      });
      if (res.status !== 200) {
        throw new Error(
          `page ${pages + 1} answered ${res.status}: ${res.body}`,
        );
      }
      const page = JSON.parse(res.body);
      for (const source of page.items) {
        const document = {
          title: source.title,
          text: source.text,
          location: `/itsm/incidents/${source.number}`,
          number: source.number,
          priority: source.priority,
          status: source.status,
          entityRef: source.entityRef ?? '',
          authorization: { resourceRef: source.id },
        };
        textBytes += document.text.length;
        documents += 1;
      }
      pages += 1;
      slowestPageMs = Math.max(slowestPageMs, res.ms);
      cursor = page.nextCursor;
    } while (cursor);
  } finally {
    client.close();
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return {
    documents,
    pages,
    pageSize,
    seconds: Math.round(seconds * 10) / 10,
    documentsPerSecond: Math.round(documents / seconds),
    slowestPageMs: Math.round(slowestPageMs),
    textMiB: Math.round((textBytes / 1024 / 1024) * 10) / 10,
    collatorPeakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
    backendPeakRssMiB:
      backendPid === undefined
        ? undefined
        : Math.round((await peakRssMiB(backendPid)) ?? 0),
  };
}

async function main() {
  const windowDays = process.env.ITSM_BENCH_WINDOW_DAYS
    ? intFromEnv('ITSM_BENCH_WINDOW_DAYS', 365)
    : undefined;
  const backendPid = process.env.ITSM_BENCH_BACKEND_PID
    ? intFromEnv('ITSM_BENCH_BACKEND_PID', 1)
    : undefined;
  const result = await measureCollation({
    baseUrl: process.env.ITSM_BENCH_URL ?? 'http://localhost:7107',
    token: process.env.ITSM_BENCH_TOKEN ?? 'itsm-collation-benchmark-token',
    pageSize: intFromEnv('ITSM_BENCH_PAGE_SIZE', 500),
    windowDays,
    backendPid,
  });
  console.log(JSON.stringify(result, null, 2));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch(error => {
    console.error(error);
    process.exit(1);
  });
}
