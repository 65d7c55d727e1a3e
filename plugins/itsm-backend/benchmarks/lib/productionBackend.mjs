// Builds the backend as users deploy it (`yarn build:backend`), unpacks the
// bundle into a temporary folder and runs it with NODE_ENV=production on
// PostgreSQL, one process group per instance, so that everything it starts
// stops with it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(here, '../../../..');
const BUNDLE = path.join(REPO, 'packages/backend/dist/bundle.tar.gz');
const OVERLAY = path.join(here, '../app-config.bench.yaml');
const PROFILE_HOOK = path.join(here, 'profileHook.cjs');

/** Runs `yarn build:backend`; throws with the output's tail when it fails. */
export function buildBackend(log) {
  log('building the backend for production (yarn build:backend)');
  const result = spawnSync('yarn', ['build:backend'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.status !== 0) {
    const output = `${result.stdout}\n${result.stderr}`.trim().split('\n');
    throw new Error(
      `yarn build:backend failed:\n${output.slice(-30).join('\n')}`,
    );
  }
  if (!fs.existsSync(BUNDLE)) throw new Error(`${BUNDLE} was not written`);
}

/**
 * Unpacks the bundle into `dir`. Its node_modules are the workspace's,
 * entry by entry, except the bundled packages, which point at their built
 * copies in the bundle (in the workspace they point at TypeScript sources).
 */
export function unpackBundle(dir) {
  fs.mkdirSync(dir, { recursive: true });
  const tar = spawnSync('tar', ['xzf', BUNDLE, '-C', dir], {
    encoding: 'utf8',
  });
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`);
  const bundled = new Map();
  for (const folder of ['packages', 'plugins']) {
    const root = path.join(dir, folder);
    if (!fs.existsSync(root)) continue;
    for (const name of fs.readdirSync(root)) {
      const manifest = path.join(root, name, 'package.json');
      if (!fs.existsSync(manifest)) continue;
      bundled.set(
        JSON.parse(fs.readFileSync(manifest, 'utf8')).name,
        path.join(root, name),
      );
    }
  }
  const source = path.join(REPO, 'node_modules');
  const target = path.join(dir, 'node_modules');
  fs.mkdirSync(target);
  for (const entry of fs.readdirSync(source)) {
    if (entry.startsWith('@')) {
      fs.mkdirSync(path.join(target, entry));
      for (const scoped of fs.readdirSync(path.join(source, entry))) {
        const name = `${entry}/${scoped}`;
        fs.symlinkSync(
          bundled.get(name) ?? path.join(source, entry, scoped),
          path.join(target, entry, scoped),
        );
      }
    } else {
      fs.symlinkSync(
        bundled.get(entry) ?? path.join(source, entry),
        path.join(target, entry),
      );
    }
  }
  return { dir, packages: [...bundled.keys()].sort() };
}

/** Starts one instance of the unpacked backend; resolves once it is healthy. */
export async function startBackend(options) {
  const { bundleDir, port, env, logFile, log } = options;
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      '--require',
      PROFILE_HOOK,
      path.join(bundleDir, 'packages/backend'),
      '--config',
      path.join(REPO, 'app-config.yaml'),
      '--config',
      path.join(REPO, 'app-config.production.yaml'),
      '--config',
      OVERLAY,
    ],
    {
      cwd: REPO,
      detached: true,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        ...env,
        NODE_ENV: 'production',
        ITSM_BENCH_PORT: String(port),
        // The bundle resolves its modules from its own node_modules folder.
        NODE_PATH: '',
      },
    },
  );
  fs.closeSync(out);
  let exited = null;
  child.on('exit', code => {
    exited = code ?? -1;
  });
  const instance = {
    port,
    pid: child.pid,
    baseUrl: `http://localhost:${port}`,
    logFile,
    exited: () => exited,
    rssMb: () => rssMb(child.pid),
    stop: () => stopGroup(child, () => exited !== null),
  };
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (exited !== null) {
      throw new Error(
        `backend on port ${port} exited with ${exited}; last lines of ${logFile}:\n${tail(
          logFile,
        )}`,
      );
    }
    try {
      const res = await fetch(`${instance.baseUrl}/api/itsm/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await instance.stop();
      throw new Error(
        `backend on port ${port} not healthy after 180 s; last lines of ${logFile}:\n${tail(
          logFile,
        )}`,
      );
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
  log(`backend on port ${port} is up (pid ${child.pid})`);
  return instance;
}

async function stopGroup(child, hasExited) {
  if (hasExited()) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 60 && !hasExited(); i++) {
    await new Promise(resolve => setTimeout(resolve, 250));
  }
  if (!hasExited()) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

/** Resident set size of a process in MiB, from /proc. */
export function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

function tail(file) {
  try {
    // The health polls themselves fill the end of the log: show what went
    // wrong instead.
    return fs
      .readFileSync(file, 'utf8')
      .trim()
      .split('\n')
      .filter(line => !line.includes('"type":"incomingRequest"'))
      .slice(-25)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

/** A fresh temporary folder for one run. */
export function makeRunDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'itsm-bench-'));
}
