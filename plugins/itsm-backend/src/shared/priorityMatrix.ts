import { Config } from '@backstage/config';
import {
  DEFAULT_PRIORITY_MATRIX,
  PRIORITY_MATRIX_CONFIG_KEY,
  PriorityMatrix,
  parsePriorityMatrix,
} from '@backstage-itsm/plugin-itsm-common';

/** The configured priority matrix, or the default; a bad one fails start-up. */
export function readPriorityMatrix(config: Config): PriorityMatrix {
  const matrixConfig = config.getOptional(PRIORITY_MATRIX_CONFIG_KEY);
  return matrixConfig === undefined
    ? DEFAULT_PRIORITY_MATRIX
    : parsePriorityMatrix(matrixConfig);
}
