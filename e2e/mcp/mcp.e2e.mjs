// Drives the demo's MCP server as an MCP client does: JSON-RPC over the
// streamable HTTP transport at /api/mcp-actions/v1, authenticated with the
// demo's static MCP token (README, "Connect an MCP client"). Plain fetch.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const BACKEND = process.env.ITSM_E2E_BACKEND_URL ?? 'http://localhost:7007';
const TOKEN = process.env.ITSM_E2E_MCP_TOKEN ?? 'itsm-demo-mcp-token';
const MCP = `${BACKEND}/api/mcp-actions/v1`;
const EVENT_BUS = 'resource:default/event-bus';
const LEDGER = 'component:default/ledger-service';

let nextId = 1;

/** The JSON-RPC messages of a response, sent as JSON or as server-sent events. */
async function messagesOf(response) {
  const text = await response.text();
  if (text === '') {
    return [];
  }
  if (!response.headers.get('content-type')?.includes('text/event-stream')) {
    return [JSON.parse(text)];
  }
  return text
    .split(/\r?\n\r?\n/)
    .map(event =>
      event
        .split(/\r?\n/)
        .filter(line => line.startsWith('data:'))
        .map(line => line.slice(5).trim())
        .join('\n'),
    )
    .filter(Boolean)
    .map(data => JSON.parse(data));
}

/** Posts one JSON-RPC message; answers the HTTP response and its messages. */
async function post(message, token = TOKEN) {
  const response = await fetch(MCP, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, text/event-stream',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(message),
  });
  const messages = response.status < 300 ? await messagesOf(response) : [];
  return { response, messages };
}

/** Calls a JSON-RPC method and answers its result, failing on an error. */
async function rpc(method, params, token) {
  const id = nextId++;
  const { response, messages } = await post(
    { jsonrpc: '2.0', id, method, params },
    token,
  );
  assert.equal(response.status, 200, `${method}: HTTP ${response.status}`);
  const reply = messages.find(m => m.id === id);
  assert.ok(reply, `${method}: no reply among ${JSON.stringify(messages)}`);
  assert.equal(reply.error, undefined, JSON.stringify(reply.error));
  return reply.result;
}

/** Calls a tool; answers its structured output, or the error text with isError. */
async function callTool(name, args, token) {
  const result = await rpc('tools/call', { name, arguments: args }, token);
  return result.isError
    ? { isError: true, text: result.content.map(c => c.text).join('\n') }
    : result.structuredContent;
}

test('an MCP client initializes with the static token', async () => {
  const result = await rpc('initialize', {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'itsm-e2e', version: '1.0.0' },
  });
  assert.ok(result.protocolVersion);
  assert.ok(result.capabilities.tools);
  const { response } = await post({
    jsonrpc: '2.0',
    method: 'notifications/initialized',
  });
  assert.equal(response.status, 202);
});

test('a client without a token is refused', async () => {
  const { response } = await post(
    { jsonrpc: '2.0', id: nextId++, method: 'tools/list' },
    null,
  );
  assert.equal(response.status, 401);
});

test('tools/list offers the ITSM tools with described inputs', async () => {
  const { tools } = await rpc('tools/list', {});
  const names = tools.map(tool => tool.name);
  for (const name of [
    'itsm.list-incidents',
    'itsm.get-incident',
    'itsm.create-incident',
    'itsm.add-incident-note',
    'itsm.transition-incident',
    'itsm.list-problems',
    'itsm.get-problem',
    'itsm.search-known-errors',
    'itsm.create-problem-from-incident',
    'itsm.get-reliability-analysis',
    'itsm.get-incident-changes',
    'itsm.get-problem-changes',
  ]) {
    assert.ok(names.includes(name), `${name} missing from ${names}`);
  }
  const create = tools.find(tool => tool.name === 'itsm.create-incident');
  assert.deepEqual(
    [
      'title',
      'description',
      'entityRef',
      'category',
      'impact',
      'urgency',
    ].filter(field => !create.inputSchema.required.includes(field)),
    [],
  );
  assert.match(
    create.inputSchema.properties.impact.description,
    /1 high, 2 medium, 3 low/,
  );
  assert.equal(create.annotations.readOnlyHint, false);
});

test('finds a known error, opens an incident, posts an update and acknowledges it', async () => {
  const found = await callTool('itsm.search-known-errors', {
    entityRef: [EVENT_BUS],
    text: 'consumer lag rebalance',
  });
  const knownError = found.items[0];
  assert.match(knownError.title, /event-bus consumer groups fall behind/);
  assert.equal(knownError.knownError, true);
  assert.match(knownError.workaround, /Scale the consumer group/);

  const { incident } = await callTool('itsm.create-incident', {
    title: 'ledger-service postings late: consumer lag on payment-events',
    description: `Lag alerts on ledger-service; matches known error ${knownError.number}.`,
    entityRef: LEDGER,
    category: 'performance',
    impact: 2,
    urgency: 2,
    workaround: knownError.workaround,
  });
  assert.match(incident.number, /^INC-\d{6}$/);
  assert.equal(incident.status, 'new');
  assert.equal(incident.entityRef, LEDGER);

  const { event } = await callTool('itsm.add-incident-note', {
    id: incident.number,
    body: 'Consumer group scaled to 6 pods; lag is falling.',
    visibility: 'public',
  });
  assert.equal(event.kind, 'status_update');

  const acknowledged = await callTool('itsm.transition-incident', {
    id: incident.number,
    version: incident.version,
    to: 'in_progress',
  });
  assert.equal(acknowledged.incident.status, 'in_progress');

  const read = await callTool('itsm.get-incident', { id: incident.id });
  assert.deepEqual(
    read.timeline.items.map(e => e.kind),
    ['created', 'status_update', 'transition'],
  );
  // The MCP server calls the plugin on its own behalf for a service token.
  assert.equal(read.incident.reporterRef, 'service:plugin:mcp-actions');
});

test('a tool answers bad input and unknown records with a clear error', async () => {
  const badImpact = await callTool('itsm.create-incident', {
    title: 'Wrong impact',
    description: 'Impact out of range',
    entityRef: LEDGER,
    category: 'performance',
    impact: 4,
    urgency: 2,
  });
  assert.equal(badImpact.isError, true);
  assert.match(badImpact.text, /InputError: .*impact: must be 1, 2 or 3/);

  const unknown = await callTool('itsm.get-problem', { id: 'PRB-999999' });
  assert.equal(unknown.isError, true);
  assert.match(unknown.text, /NotFoundError/);

  const stale = await callTool('itsm.transition-incident', {
    id: (await callTool('itsm.list-incidents', { limit: 1 })).items[0].number,
    version: 1_000_000,
    to: 'cancelled',
  });
  assert.equal(stale.isError, true);
  assert.match(stale.text, /ConflictError/);
});
