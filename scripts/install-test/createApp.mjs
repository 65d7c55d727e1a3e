// Writes a fresh Backstage project outside this workspace from template/: a
// backend and an app, each with its own package.json whose dependencies take
// the version ranges this workspace declares (the template pins the one it
// does not declare, the allow-all policy module, to its version of the same
// Backstage release), plus the root settings a platform team would copy from
// this repository (the Yarn release and .yarnrc.yml, and the resolutions that
// let the partial registry mirror resolve), and resolutions that point each
// @backstage-itsm package at its tarball.
//
//   node scripts/install-test/createApp.mjs <target folder> <package name>=<tarball>...
import {
  appendFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { REPO_ROOT, readJson, workspaceRange } from './workspace.mjs';

const TEMPLATE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'template',
);
const FROM_WORKSPACE = 'from-workspace';

const [target, ...tarballArgs] = process.argv.slice(2);
if (!target || tarballArgs.length === 0) {
  throw new Error(
    'usage: createApp.mjs <target folder> <package name>=<tarball>...',
  );
}
const targetDir = path.resolve(target);
if (!path.relative(REPO_ROOT, targetDir).startsWith('..')) {
  throw new Error(
    `${targetDir} lies inside the workspace; choose another folder`,
  );
}
if (existsSync(targetDir) && readdirSync(targetDir).length > 0) {
  throw new Error(`${targetDir} is not empty`);
}

const tarballs = Object.fromEntries(
  tarballArgs.map(arg => {
    const at = arg.lastIndexOf('=');
    const file = path.resolve(arg.slice(at + 1));
    if (at <= 0 || !existsSync(file)) {
      throw new Error(`expected <package name>=<existing tarball>, got ${arg}`);
    }
    return [arg.slice(0, at), `file:${file}`];
  }),
);

mkdirSync(targetDir, { recursive: true });
cpSync(TEMPLATE, targetDir, { recursive: true });

const withWorkspaceRanges = deps =>
  deps &&
  Object.fromEntries(
    Object.entries(deps).map(([name, range]) => [
      name,
      range === FROM_WORKSPACE ? workspaceRange(name) : range,
    ]),
  );
const writeManifest = (file, update) => {
  const pkg = readJson(file);
  pkg.dependencies = withWorkspaceRanges(pkg.dependencies);
  pkg.devDependencies = withWorkspaceRanges(pkg.devDependencies);
  writeFileSync(file, `${JSON.stringify(update(pkg), null, 2)}\n`);
};

const workspaceRoot = readJson(path.join(REPO_ROOT, 'package.json'));
writeManifest(path.join(targetDir, 'package.json'), pkg => ({
  ...pkg,
  engines: workspaceRoot.engines,
  packageManager: workspaceRoot.packageManager,
  resolutions: { ...workspaceRoot.resolutions, ...tarballs },
  dependenciesMeta: workspaceRoot.dependenciesMeta,
}));
for (const dir of readdirSync(path.join(targetDir, 'packages'))) {
  writeManifest(
    path.join(targetDir, 'packages', dir, 'package.json'),
    pkg => pkg,
  );
}

// The same Yarn, the same Yarn settings, the same Backstage release.
for (const file of ['.yarnrc.yml', 'backstage.json']) {
  cpSync(path.join(REPO_ROOT, file), path.join(targetDir, file));
}
// Hard links to Yarn's global store instead of copies: the same files, but
// installing and, above all, removing the project take seconds, not minutes.
appendFileSync(
  path.join(targetDir, '.yarnrc.yml'),
  '\n# Added by the install test: link files from the global store.\nnmMode: hardlinks-global\n',
);
cpSync(
  path.join(REPO_ROOT, '.yarn', 'releases'),
  path.join(targetDir, '.yarn', 'releases'),
  { recursive: true },
);
console.log(`Wrote a Backstage project to ${targetDir}`);
