// Checks what a packed plugin tarball holds before anyone installs it:
// built code and type declarations under dist/ that the package.json entry
// points reach, no sources or tests, migrations and the configuration schema
// where the package has them, no demo code outside a demo package, and the
// metadata a registry and Backstage's tooling read.
//
//   node scripts/install-test/checkTarball.mjs plugins/itsm-backend itsm-backend.tgz
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, readJson } from './workspace.mjs';

const [dir, tarball] = process.argv.slice(2);
if (!dir || !tarball) {
  throw new Error('usage: checkTarball.mjs <package folder> <tarball>');
}

const source = readJson(path.join(REPO_ROOT, dir, 'package.json'));
const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);
const files = new Set(
  entries.filter(e => !e.endsWith('/')).map(e => e.replace(/^package\//, '')),
);
const packed = JSON.parse(
  execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], {
    encoding: 'utf8',
  }),
);
const problems = [];
const expect = (ok, message) => ok || problems.push(message);

expect(
  entries.every(e => e.startsWith('package/')),
  'every entry lies under package/',
);
expect(packed.name === source.name, `name is ${source.name}`);
expect(packed.version === source.version, `version is ${source.version}`);
expect(packed.private !== true, 'not private');
expect(
  packed.publishConfig?.access === 'public',
  'publishConfig.access public',
);
expect(packed.license, 'has a license');
expect(packed.repository?.directory === dir, `repository.directory is ${dir}`);
for (const doc of ['README.md', 'CHANGELOG.md']) {
  expect(files.has(doc), `ships ${doc}`);
}

// Code: built output only, reached by every entry point.
const list = [...files];
expect(
  list.some(f => f.startsWith('dist/')),
  'ships dist/ (was the package built before packing?)',
);
for (const f of list) {
  expect(!/^(src|dist-types)\//.test(f), `does not ship sources: ${f}`);
  expect(
    !/(\.test\.|__testUtils__|setupTests)/.test(f),
    `does not ship tests: ${f}`,
  );
}
const target = (field, value) => {
  const file = value.replace(/^\.\//, '');
  expect(files.has(file), `${field} points at a shipped file: ${value}`);
  expect(
    file === 'package.json' || file.startsWith('dist/'),
    `${field} points into dist/: ${value}`,
  );
};
for (const field of ['main', 'module', 'types']) {
  if (field !== 'module' || packed.module) {
    expect(typeof packed[field] === 'string', `has ${field}`);
    if (typeof packed[field] === 'string') target(field, packed[field]);
  }
}
const walk = (field, value) => {
  if (typeof value === 'string') target(field, value);
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      // `backstage` names the feature type an entry point exports, not a file.
      if (key !== 'backstage') walk(`${field}[${JSON.stringify(key)}]`, inner);
    }
  }
};
walk('exports', packed.exports);
walk('typesVersions', packed.typesVersions);
if (source.exports) {
  for (const mount of Object.keys(source.exports)) {
    expect(packed.exports?.[mount], `exports ${mount}`);
  }
  expect(packed.exports?.['./package.json'], 'exports ./package.json');
}
for (const field of ['dependencies', 'peerDependencies']) {
  for (const [name, range] of Object.entries(packed[field] ?? {})) {
    expect(
      !/^(workspace|link|file|portal):/.test(range),
      `${field}.${name} is a registry range, not ${range}`,
    );
  }
}

// Files a running backend reads from the package folder.
const migrationsDir = path.join(REPO_ROOT, dir, 'migrations');
if (existsSync(migrationsDir)) {
  for (const file of readdirSync(migrationsDir).filter(f =>
    f.endsWith('.js'),
  )) {
    expect(files.has(`migrations/${file}`), `ships migrations/${file}`);
  }
}
if (source.configSchema) {
  // backstage-cli package prepack compiles config.d.ts to config.schema.json.
  const schemaFile = packed.configSchema;
  expect(
    typeof schemaFile === 'string' && files.has(schemaFile),
    `ships its configuration schema (${source.configSchema} as ${schemaFile})`,
  );
  if (typeof schemaFile === 'string' && files.has(schemaFile)) {
    const schema = JSON.parse(
      execFileSync('tar', ['-xzOf', tarball, `package/${schemaFile}`], {
        encoding: 'utf8',
      }),
    );
    // The search module's settings live under the search plugin's key.
    const itsmSettings =
      schema.properties?.itsm ??
      schema.properties?.search?.properties?.collators?.properties?.itsm;
    expect(
      itsmSettings,
      `${schemaFile} describes itsm.* or search.collators.itsm.*`,
    );
  }
}

// The demo history belongs to its own module, which only the demo adds.
if (!source.name.includes('demo')) {
  const demo = list.filter(f => /demo/i.test(f));
  expect(
    demo.length === 0,
    `ships no demo code, but has ${demo.length} such files: ${demo
      .slice(0, 5)
      .join(', ')}${demo.length > 5 ? ', ...' : ''}`,
  );
}

// What Backstage's tooling reads to relate the plugin's packages.
const meta = packed.backstage ?? {};
expect(
  meta.role === source.backstage?.role,
  `backstage.role is ${source.backstage?.role}`,
);
if (meta.pluginId) {
  if (meta.role?.endsWith('-module')) {
    expect(meta.pluginPackage, 'backstage.pluginPackage names its plugin');
  } else {
    expect(
      meta.pluginPackages?.includes(packed.name),
      'backstage.pluginPackages lists the package itself',
    );
  }
}

if (problems.length > 0) {
  console.error(`${source.name}: ${problems.length} problem(s) in ${tarball}`);
  for (const problem of problems) console.error(`  - ${problem}`);
  process.exit(1);
}
console.log(`${source.name}: ${files.size} files, all checks passed`);
