// Reads this repository's workspace: the root package.json, every workspace
// package, and which of them are published.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: two folders above this file. */
export const REPO_ROOT = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../..',
);

/** Reads a JSON file. */
export function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every workspace package, as `{ dir, pkg }` with `dir` relative to the root. */
export function workspacePackages() {
  const packages = [];
  for (const parent of ['packages', 'plugins']) {
    const parentDir = path.join(REPO_ROOT, parent);
    for (const entry of readdirSync(parentDir, { withFileTypes: true })) {
      const file = path.join(parentDir, entry.name, 'package.json');
      if (entry.isDirectory() && existsSync(file)) {
        packages.push({ dir: `${parent}/${entry.name}`, pkg: readJson(file) });
      }
    }
  }
  return packages.sort((a, b) => a.dir.localeCompare(b.dir));
}

/** The packages a platform team installs: every non-private one under plugins/. */
export function publishablePackages() {
  return workspacePackages().filter(
    ({ dir, pkg }) => dir.startsWith('plugins/') && pkg.private !== true,
  );
}

/**
 * The version range this workspace declares for a dependency, looked up in
 * the root package.json, then in packages/* and plugins/*, so that the
 * throwaway app resolves what the workspace's lockfile was resolved from.
 */
export function workspaceRange(name) {
  const manifests = [
    readJson(path.join(REPO_ROOT, 'package.json')),
    ...workspacePackages().map(p => p.pkg),
  ];
  for (const pkg of manifests) {
    for (const field of ['dependencies', 'devDependencies']) {
      const range = pkg[field]?.[name];
      if (
        range &&
        !range.startsWith('workspace:') &&
        !range.startsWith('link:')
      ) {
        return range;
      }
    }
  }
  throw new Error(`No workspace package depends on ${name}`);
}
