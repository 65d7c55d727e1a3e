import { JsonObject } from '@backstage/types';
import { Knex } from 'knex';
import { applyDatabaseMigrations } from '../database/migrations';
import { createTestServices } from './fixtures';

/** Mon 2 Nov 2026 09:00 in Berlin (CET, UTC+1). */
export const SLA_T0 = Date.parse('2026-11-02T08:00:00Z');
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

/** Targets as a deployment would set them: P3 counts office hours in Berlin. */
export const SLA_CONFIG: JsonObject = {
  itsm: {
    sla: {
      warningShare: 0.75,
      pauseOnHoldReasons: ['awaiting_caller', 'awaiting_vendor'],
      calendars: {
        office: {
          timeZone: 'Europe/Berlin',
          workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'],
          hours: { start: '09:00', end: '17:00' },
          holidays: ['2026-12-25'],
        },
      },
      targets: {
        P1: { respond: 'PT15M', resolve: 'PT4H' },
        P2: { respond: 'PT30M', resolve: 'PT8H' },
        P3: { respond: 'PT4H', resolve: 'PT24H', calendar: 'office' },
      },
    },
  },
};

/**
 * Services with the SLA targets on a migrated database and a clock the test
 * sets; `again()` builds a second set on the same database, as a second
 * backend instance.
 */
export async function createSlaServices(knex: Knex) {
  await applyDatabaseMigrations(knex);
  const clock = { now: SLA_T0 };
  const build = () =>
    createTestServices(knex, { now: () => clock.now, config: SLA_CONFIG });
  return { ...build(), clock, again: build };
}
