// End-to-end test of alert ingestion with a real Alertmanager.
//
//   yarn test:e2e (or node --test e2e/alertmanager/alertmanager.e2e.mjs)
//
// Needs the demo backend running (ITSM_E2E_BACKEND_URL, default
// http://localhost:7007) and Alertmanager installed (Debian package
// prometheus-alertmanager, or ALERTMANAGER_BIN). It starts two Alertmanagers
// on free localhost ports with alertmanager.yml, as an HA pair that lost its
// gossip, so every notification reaches the backend twice, posts alerts to
// their API and checks the incidents through the backend's API.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BACKEND = (
  process.env.ITSM_E2E_BACKEND_URL ?? 'http://localhost:7007'
).replace(/\/+$/, '');
const CONFIG_BASE_URL = 'http://localhost:7007';
const RUN = `e2e${Date.now().toString(36)}`;
const WAIT_MS = 45_000;

const CHECKOUT = {
  alertname: 'E2EHighErrorRate',
  service: 'checkout-api',
  severity: 'critical',
  e2e_run: RUN,
};
const PAYMENTS = {
  alertname: 'E2EHighErrorRate',
  service: 'payments-api',
  severity: 'warning',
  e2e_run: RUN,
};
const UNROUTABLE = {
  alertname: 'E2ENodeDown',
  instance: 'node-e2e-7',
  severity: 'info',
  e2e_run: RUN,
};
const PAGED = {
  alertname: 'E2ELatency',
  service: 'auth-service',
  severity: 'warning',
  team: 'identity',
  channel: 'pagerduty',
  e2e_run: RUN,
};

/** @type {{ url: string, process: import('node:child_process').ChildProcess, log: string[] }[]} */
const alertmanagers = [];
let workDir = '';
let token = '';

function alertmanagerBinary() {
  const candidates = [
    process.env.ALERTMANAGER_BIN,
    '/usr/bin/prometheus-alertmanager',
    '/usr/local/bin/alertmanager',
    '/usr/bin/alertmanager',
  ].filter(Boolean);
  const found = candidates.find(candidate => existsSync(candidate));
  if (!found) {
    throw new Error(
      'Alertmanager not found: apt-get install -y prometheus-alertmanager, or set ALERTMANAGER_BIN',
    );
  }
  return found;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

/** Polls until `check` returns a value other than undefined, or fails with the last state. */
async function waitFor(what, check) {
  const deadline = Date.now() + WAIT_MS;
  let last;
  for (;;) {
    last = await check();
    if (last.done) {
      return last.value;
    }
    if (Date.now() > deadline) {
      const logs = alertmanagers.map(a => a.log.slice(-10).join('')).join('\n');
      assert.fail(
        `Timed out waiting for ${what}; last seen: ${JSON.stringify(
          last.seen,
        )}\nAlertmanager logs:\n${logs}`,
      );
    }
    await sleep(500);
  }
}

async function backend(pathAndQuery) {
  const res = await fetch(`${BACKEND}${pathAndQuery}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  const body = await res.json();
  assert.equal(res.status, 200, `GET ${pathAndQuery}: ${JSON.stringify(body)}`);
  return body;
}

/** Incidents of this run, found by the run id in their title or description. */
async function runIncidents(source) {
  const page = await backend(
    `/api/itsm/incidents?text=${RUN}&limit=100&status=new,in_progress,on_hold,resolved`,
  );
  return page.items.filter(incident => incident.source === source);
}

async function unroutedOfRun() {
  const page = await backend('/api/itsm/alerts/unrouted?limit=100');
  return page.items.filter(alert => alert.labels.e2e_run === RUN);
}

async function timelineOf(incident) {
  return (
    await backend(`/api/itsm/incidents/${incident.id}/timeline?limit=100`)
  ).items;
}

/** Posts alerts to every Alertmanager's API, as Prometheus pairs do. */
async function postAlerts(alerts) {
  for (const { url } of alertmanagers) {
    const res = await fetch(`${url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
    });
    assert.equal(
      res.status,
      200,
      `POST ${url}/api/v2/alerts: ${await res.text()}`,
    );
  }
}

function firing(labels) {
  return {
    labels,
    annotations: {
      summary: `${labels.alertname} on ${
        labels.service ?? labels.instance
      } (${RUN})`,
    },
    generatorURL: 'http://prometheus.e2e/graph',
  };
}

function resolved(labels) {
  return {
    ...firing(labels),
    endsAt: new Date(Date.now() - 1000).toISOString(),
  };
}

async function startAlertmanager(binary, configFile, index) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = [];
  const child = spawn(
    binary,
    [
      `--config.file=${configFile}`,
      `--storage.path=${path.join(workDir, `data-${index}`)}`,
      `--web.listen-address=127.0.0.1:${port}`,
      // No gossip: both instances notify, as an HA pair split by the network.
      '--cluster.listen-address=',
      '--log.level=info',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.on('data', chunk => log.push(String(chunk)));
  child.stderr.on('data', chunk => log.push(String(chunk)));
  alertmanagers.push({ url, process: child, log });
  await waitFor(`Alertmanager ${index} on ${url}`, async () => {
    if (child.exitCode !== null) {
      assert.fail(`Alertmanager exited (${child.exitCode}):\n${log.join('')}`);
    }
    const ready = await fetch(`${url}/-/ready`).then(
      res => res.status === 200,
      () => false,
    );
    return { done: ready, seen: 'not ready' };
  });
}

before(async () => {
  const health = await fetch(`${BACKEND}/api/itsm/health`).catch(error => {
    throw new Error(
      `The backend does not answer at ${BACKEND} (${error.message}); start it, or set ITSM_E2E_BACKEND_URL`,
    );
  });
  assert.equal(health.status, 200, `${BACKEND}/api/itsm/health`);
  const refresh = await fetch(`${BACKEND}/api/auth/guest/refresh`, {
    headers: { 'x-requested-with': 'XMLHttpRequest' },
  });
  assert.equal(refresh.status, 200, 'guest sign-in of the demo backend');
  token = (await refresh.json()).backstageIdentity.token;

  workDir = await mkdtemp(path.join(os.tmpdir(), 'itsm-e2e-alertmanager-'));
  const template = await readFile(path.join(HERE, 'alertmanager.yml'), 'utf8');
  const configFile = path.join(workDir, 'alertmanager.yml');
  await writeFile(configFile, template.replaceAll(CONFIG_BASE_URL, BACKEND));
  const binary = alertmanagerBinary();
  await startAlertmanager(binary, configFile, 1);
  await startAlertmanager(binary, configFile, 2);
});

after(async () => {
  for (const { process: child } of alertmanagers) {
    child.kill('SIGTERM');
  }
  await sleep(300);
  if (workDir) {
    await rm(workDir, { recursive: true, force: true });
  }
});

test('webhook: one incident per alert, routed by label, unroutable alerts kept', async () => {
  await postAlerts([firing(CHECKOUT), firing(PAYMENTS), firing(UNROUTABLE)]);
  const incidents = await waitFor(
    'two incidents and one unrouted alert',
    async () => {
      const seen = await runIncidents('alertmanager');
      const unrouted = await unroutedOfRun();
      return {
        done: seen.length >= 2 && unrouted.length >= 1,
        value: seen,
        seen: { incidents: seen.length, unrouted: unrouted.length },
      };
    },
  );
  const byEntity = Object.fromEntries(incidents.map(i => [i.entityRef, i]));
  assert.deepEqual(Object.keys(byEntity).sort(), [
    'component:default/checkout-api',
    'component:default/payments-api',
  ]);
  assert.equal(incidents.length, 2, 'no duplicate incidents');
  assert.equal(byEntity['component:default/checkout-api'].priority, 1);
  assert.equal(byEntity['component:default/payments-api'].priority, 3);
  assert.equal(
    byEntity['component:default/checkout-api'].reporterRef,
    'service:alertmanager',
  );
  const [stray] = await unroutedOfRun();
  assert.equal(stray.status, 'pending');
  assert.equal(stray.labels.instance, 'node-e2e-7');
});

test('deliveries from both Alertmanagers and repeat notifications add occurrences to the same incidents', async () => {
  await postAlerts([firing(CHECKOUT), firing(PAYMENTS), firing(UNROUTABLE)]);
  const incidents = await waitFor(
    'occurrences from both instances and repeats',
    async () => {
      const seen = await runIncidents('alertmanager');
      const counts = seen.map(i => i.occurrenceCount);
      return {
        done: seen.length === 2 && counts.every(count => count >= 4),
        value: seen,
        seen: { incidents: seen.length, counts },
      };
    },
  );
  assert.equal(new Set(incidents.map(i => i.dedupKey)).size, 2);
  const unrouted = await unroutedOfRun();
  assert.equal(unrouted.length, 1, 'one inbox entry per alert');
  assert.ok(unrouted[0].occurrenceCount >= 2);
});

test('resolved alerts record their end on the incident and in the inbox', async () => {
  await postAlerts([
    resolved(CHECKOUT),
    resolved(PAYMENTS),
    resolved(UNROUTABLE),
  ]);
  await waitFor('the end of every alert', async () => {
    const incidents = await runIncidents('alertmanager');
    const ended = [];
    for (const incident of incidents) {
      const timeline = await timelineOf(incident);
      if (
        timeline.some(
          e => e.kind === 'alert_occurrence' && e.newValue === 'resolved',
        )
      ) {
        ended.push(incident.entityRef);
      }
    }
    const [stray] = await unroutedOfRun();
    return {
      done: ended.length === 2 && stray.endedAt !== null,
      seen: { ended, strayEndedAt: stray.endedAt },
    };
  });
  assert.equal((await runIncidents('alertmanager')).length, 2);
});

test('pagerduty_configs: Events v2 open one incident per group and resolve it', async () => {
  await postAlerts([firing(PAGED)]);
  const [incident] = await waitFor('the Events v2 incident', async () => {
    const seen = await runIncidents('events-v2');
    return { done: seen.length >= 1, value: seen, seen: seen.length };
  });
  assert.equal(incident.entityRef, 'component:default/auth-service');
  assert.match(incident.dedupKey, /^[0-9a-f]{64}$/);
  assert.equal(incident.impact, 2);
  assert.equal(incident.urgency, 2);

  await postAlerts([resolved(PAGED)]);
  await waitFor('the end of the paged alert', async () => {
    const timeline = await timelineOf(incident);
    return {
      done: timeline.some(
        e => e.kind === 'alert_occurrence' && e.newValue === 'resolved',
      ),
      seen: timeline.map(e => e.kind),
    };
  });
  const all = await runIncidents('events-v2');
  assert.equal(all.length, 1, 'both instances deduplicated to one incident');
  assert.ok(all[0].occurrenceCount >= 2, 'the second instance counted');
});
