const DIGITS = 6;

/**
 * The largest record number and record `version`: both are stored in 32-bit
 * integer columns, so a larger one names no record.
 *
 * @public
 */
export const MAX_RECORD_NUMBER = 2147483647;

function formatNumber(prefix: string, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new Error(`${prefix} number must be a positive integer, got ${n}`);
  }
  return `${prefix}-${String(n).padStart(DIGITS, '0')}`;
}

function parseNumber(prefix: string, value: string): number | undefined {
  const match = new RegExp(`^${prefix}-(\\d{1,15})$`, 'i').exec(value.trim());
  if (!match) {
    return undefined;
  }
  const n = Number(match[1]);
  return n >= 1 && n <= MAX_RECORD_NUMBER ? n : undefined;
}

/**
 * Human reference of an incident, such as `INC-000042` for 42.
 *
 * @public
 */
export function formatIncidentNumber(n: number): string {
  return formatNumber('INC', n);
}

/**
 * Human reference of a problem, such as `PRB-000007` for 7.
 *
 * @public
 */
export function formatProblemNumber(n: number): string {
  return formatNumber('PRB', n);
}

/**
 * Sequence number in an incident reference (`INC-000042`, `inc-42`), or undefined.
 *
 * @public
 */
export function parseIncidentNumber(value: string): number | undefined {
  return parseNumber('INC', value);
}

/**
 * Sequence number in a problem reference (`PRB-000007`, `prb-7`), or undefined.
 *
 * @public
 */
export function parseProblemNumber(value: string): number | undefined {
  return parseNumber('PRB', value);
}
