import {
  IMPACTS,
  Impact,
  PRIORITIES,
  Priority,
  URGENCIES,
  Urgency,
} from './types';

/**
 * Priority for each impact (outer key) and urgency (inner key).
 *
 * @public
 */
export type PriorityMatrix = Readonly<
  Record<Impact, Readonly<Record<Urgency, Priority>>>
>;

/**
 * The ServiceNow default matrix: P1 for high impact and high urgency.
 *
 * @public
 */
export const DEFAULT_PRIORITY_MATRIX: PriorityMatrix = {
  1: { 1: 1, 2: 2, 3: 3 },
  2: { 1: 2, 2: 3, 3: 4 },
  3: { 1: 3, 2: 4, 3: 5 },
};

/**
 * Default config key of the matrix, used in error messages.
 *
 * @public
 */
export const PRIORITY_MATRIX_CONFIG_KEY = 'itsm.priorityMatrix';

/**
 * Looks up the priority for an impact and urgency.
 *
 * @public
 */
export function derivePriority(options: {
  impact: Impact;
  urgency: Urgency;
  matrix?: PriorityMatrix;
}): Priority {
  const { impact, urgency, matrix = DEFAULT_PRIORITY_MATRIX } = options;
  if (!IMPACTS.includes(impact)) {
    throw new Error(`impact must be 1, 2 or 3, got ${String(impact)}`);
  }
  if (!URGENCIES.includes(urgency)) {
    throw new Error(`urgency must be 1, 2 or 3, got ${String(urgency)}`);
  }
  return matrix[impact][urgency];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPriority(value: unknown): value is Priority {
  return PRIORITIES.includes(value as Priority);
}

function checkKeys(
  value: Record<string, unknown>,
  path: string,
  what: string,
): void {
  for (const key of Object.keys(value)) {
    if (!['1', '2', '3'].includes(key)) {
      throw new Error(`${path}.${key} is not a valid ${what}; use 1, 2 or 3`);
    }
  }
}

/**
 * Validates a config value shaped impact -> urgency -> priority; errors name the key.
 *
 * @public
 */
export function parsePriorityMatrix(
  value: unknown,
  options?: { configKey?: string },
): PriorityMatrix {
  const root = options?.configKey ?? PRIORITY_MATRIX_CONFIG_KEY;
  if (!isPlainObject(value)) {
    throw new Error(
      `${root} must be an object mapping impact (1-3) to urgency (1-3) to priority (1-5)`,
    );
  }
  checkKeys(value, root, 'impact');

  const rows: Partial<Record<Impact, Record<Urgency, Priority>>> = {};
  for (const impact of IMPACTS) {
    const row = value[String(impact)];
    const rowPath = `${root}.${impact}`;
    if (!isPlainObject(row)) {
      throw new Error(
        `${rowPath} must be an object mapping urgency (1-3) to priority (1-5)`,
      );
    }
    checkKeys(row, rowPath, 'urgency');

    const cells: Partial<Record<Urgency, Priority>> = {};
    for (const urgency of URGENCIES) {
      const cell = row[String(urgency)];
      if (!isPriority(cell)) {
        throw new Error(`${rowPath}.${urgency} must be an integer from 1 to 5`);
      }
      cells[urgency] = cell;
    }
    rows[impact] = cells as Record<Urgency, Priority>;
  }
  return rows as PriorityMatrix;
}

/**
 * Short form of a priority, such as `P1`.
 *
 * @public
 */
export function formatPriority(priority: Priority): string {
  return `P${priority}`;
}
