// Prints the publishable packages, one a line: folder, name, version and
// Backstage role, separated by tabs. New plugins are found without a list.
import { publishablePackages } from './workspace.mjs';

const packages = publishablePackages();
if (packages.length === 0) {
  throw new Error('No publishable package under plugins/');
}
for (const { dir, pkg } of packages) {
  console.log([dir, pkg.name, pkg.version, pkg.backstage?.role].join('\t'));
}
