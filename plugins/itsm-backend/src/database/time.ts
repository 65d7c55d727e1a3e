import { DbTime } from './tables';

/** Reads a stored epoch-millisecond time as an ISO string. */
export function toIso(value: DbTime): string {
  return new Date(Number(value)).toISOString();
}

/** Like {@link toIso}, keeping null. */
export function toIsoOrNull(value: DbTime | null): string | null {
  return value === null ? null : toIso(value);
}

/** Parses an ISO time from the API into epoch milliseconds. */
export function fromIso(value: string): number {
  return new Date(value).getTime();
}
