import { Config } from '@backstage/config';

const KEY = 'itsm.dependencyDepth';

/** The `dependsOn` depth followed through the catalog; a bad value fails start-up. */
export function readDependencyDepth(config: Config): number {
  const value = config.getOptionalNumber(KEY) ?? 3;
  if (!Number.isInteger(value) || value < 1 || value > 10) {
    throw new Error(`${KEY} must be a whole number from 1 to 10, got ${value}`);
  }
  return value;
}
