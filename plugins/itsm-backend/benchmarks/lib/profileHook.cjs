// Preloaded into the benchmark's backends (`node --require`), switched off
// unless the benchmark asks: it records the SQL sent through `pg` and the
// requests the process serves (the plugin's own, and the loopback calls to
// the permission, catalog and auth backends), so the benchmark can say where
// a request's time goes and replay the exact statements as the SQL floor.
// While off it costs one boolean test per query and per request.
//
//   GET /__itsm_bench/profile/start  clears the record and starts recording
//   GET /__itsm_bench/profile/stop   stops and answers the record as JSON
'use strict';
const http = require('node:http');
const { performance } = require('node:perf_hooks');
const pg = require('pg');

const PREFIX = '/__itsm_bench/profile/';
const MAX_EVENTS = 200_000;
let recording = false;
let events = [];

const now = () => performance.timeOrigin + performance.now();

function record(event) {
  if (events.length < MAX_EVENTS) events.push(event);
}

const originalEmit = http.Server.prototype.emit;
http.Server.prototype.emit = function emit(type, req, res) {
  if (type !== 'request') return originalEmit.apply(this, arguments);
  if (req.url && req.url.startsWith(PREFIX)) {
    const action = req.url.slice(PREFIX.length);
    if (action === 'start') {
      events = [];
      recording = true;
    } else if (action === 'stop') {
      recording = false;
    }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(action === 'stop' ? { events } : { recording }));
    if (action === 'stop') events = [];
    return true;
  }
  if (recording) {
    const event = {
      kind: 'http',
      method: req.method,
      path: (req.url ?? '').split('?')[0],
      start: now(),
      end: 0,
      status: 0,
    };
    res.once('finish', () => {
      event.end = now();
      event.status = res.statusCode;
      record(event);
    });
  }
  return originalEmit.apply(this, arguments);
};

const originalQuery = pg.Client.prototype.query;
pg.Client.prototype.query = function query(config, values) {
  if (!recording || typeof config !== 'object' || config === null) {
    return originalQuery.apply(this, arguments);
  }
  const event = {
    kind: 'sql',
    database: this.database,
    connection: this.processID,
    text: config.text,
    values: Array.isArray(config.values) ? config.values : values,
    start: now(),
    end: 0,
    error: undefined,
  };
  const done = error => {
    event.end = now();
    if (error) event.error = String(error.message ?? error);
    record(event);
  };
  const args = [...arguments];
  const last = args.length - 1;
  if (typeof args[last] === 'function') {
    const cb = args[last];
    args[last] = function wrapped(error) {
      done(error);
      return cb.apply(this, arguments);
    };
    return originalQuery.apply(this, args);
  }
  const result = originalQuery.apply(this, args);
  if (result && typeof result.then === 'function') {
    result.then(
      () => done(),
      error => done(error),
    );
  }
  return result;
};
