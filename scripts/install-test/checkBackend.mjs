// Uses a running backend the way its first users would: the ITSM health
// route lists every migration of the package as applied, a guest can log an
// incident on a catalog component and read it back, and a caller without a
// token is turned away.
//
//   node scripts/install-test/checkBackend.mjs http://localhost:7017 plugins/itsm-backend/migrations
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './workspace.mjs';

const [baseUrl, migrationsDir] = process.argv.slice(2);
if (!baseUrl || !migrationsDir) {
  throw new Error('usage: checkBackend.mjs <backend url> <migrations folder>');
}
const COMPONENT = 'component:default/checkout-api';
const CATALOG_WAIT_MS = 120_000;

async function call(method, route, { token, body } = {}) {
  const response = await fetch(`${baseUrl}${route}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, json, text };
}

function expectStatus(result, status, what) {
  assert.equal(
    result.status,
    status,
    `${what}: expected HTTP ${status}, got ${
      result.status
    }: ${result.text.slice(0, 500)}`,
  );
}

const expectedMigrations = readdirSync(path.resolve(REPO_ROOT, migrationsDir))
  .filter(file => file.endsWith('.js'))
  .sort();
const health = await call('GET', '/api/itsm/health');
expectStatus(health, 200, 'GET /api/itsm/health');
assert.deepEqual(
  health.json.migrations,
  { applied: expectedMigrations, pending: [] },
  'GET /api/itsm/health lists every migration of the package as applied',
);
console.log(
  `health: ${expectedMigrations.length} migrations applied, none pending`,
);

const refresh = await call('GET', '/api/auth/guest/refresh');
expectStatus(refresh, 200, 'GET /api/auth/guest/refresh');
const token = refresh.json.backstageIdentity.token;
const user = refresh.json.backstageIdentity.identity.userEntityRef;
console.log(`signed in as ${user}`);

expectStatus(
  await call('GET', '/api/itsm/incidents'),
  401,
  'GET /api/itsm/incidents without a token',
);

// The catalog reads its locations a moment after start-up.
const deadline = Date.now() + CATALOG_WAIT_MS;
for (;;) {
  const entity = await call(
    'GET',
    '/api/catalog/entities/by-name/component/default/checkout-api',
    { token },
  );
  if (entity.status === 200) break;
  assert.ok(
    Date.now() < deadline,
    `${COMPONENT} did not reach the catalog within ${
      CATALOG_WAIT_MS / 1000
    } s (last answer HTTP ${entity.status})`,
  );
  await new Promise(resolve => setTimeout(resolve, 1000));
}

const created = await call('POST', '/api/itsm/incidents', {
  token,
  body: {
    title: 'Checkout returns HTTP 502',
    description: 'About 4% of checkout requests fail since 10:02.',
    entityRef: COMPONENT,
    category: 'availability',
    impact: 2,
    urgency: 1,
  },
});
expectStatus(created, 201, 'POST /api/itsm/incidents');
const incident = created.json;
assert.match(incident.number, /^INC-\d{6}$/, 'the incident has a number');
assert.equal(incident.status, 'new');
assert.equal(incident.priority, 2, 'impact 2 and urgency 1 give P2');
assert.equal(incident.ownerRef, 'group:default/platform-team');
assert.equal(incident.reporterRef, user);
console.log(`created ${incident.number} (${incident.id})`);

const read = await call('GET', `/api/itsm/incidents/${incident.id}`, { token });
expectStatus(read, 200, `GET /api/itsm/incidents/${incident.id}`);
assert.deepEqual(
  {
    id: read.json.id,
    number: read.json.number,
    title: read.json.title,
    entityRef: read.json.entityRef,
    version: read.json.version,
  },
  {
    id: incident.id,
    number: incident.number,
    title: 'Checkout returns HTTP 502',
    entityRef: COMPONENT,
    version: 1,
  },
  'the incident reads back as created',
);

const list = await call(
  'GET',
  `/api/itsm/incidents?entityRef=${encodeURIComponent(COMPONENT)}`,
  { token },
);
expectStatus(list, 200, 'GET /api/itsm/incidents?entityRef=...');
assert.deepEqual(
  list.json.items.map(item => item.id),
  [incident.id],
  "the component's incident list holds the incident",
);
console.log(`read ${incident.number} back, alone in ${COMPONENT}'s list`);
