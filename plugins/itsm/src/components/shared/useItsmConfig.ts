import { configApiRef, useApi } from '@backstage/core-plugin-api';
import {
  DEFAULT_CATEGORIES,
  DEFAULT_PRIORITY_MATRIX,
  PRIORITY_MATRIX_CONFIG_KEY,
  PriorityMatrix,
  parsePriorityMatrix,
} from '@backstage-itsm/plugin-itsm-common';

/** Categories offered when logging a record, from `itsm.categories`. */
export function useCategories(): string[] {
  const config = useApi(configApiRef);
  return (
    config.getOptionalStringArray('itsm.categories') ?? [...DEFAULT_CATEGORIES]
  );
}

/** The priority matrix the backend derives priorities with, when configured. */
export function usePriorityMatrix(): PriorityMatrix {
  const config = useApi(configApiRef);
  const value = config.getOptional(PRIORITY_MATRIX_CONFIG_KEY);
  return value === undefined
    ? DEFAULT_PRIORITY_MATRIX
    : parsePriorityMatrix(value);
}
