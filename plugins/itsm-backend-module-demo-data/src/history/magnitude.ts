import { Priority } from '@backstage-itsm/plugin-itsm-common';
import { Random } from './random';

/** Figures quoted in an incident's title and description, worse for higher priorities. */
export interface Magnitude {
  /** Share of requests or users affected, in percent. */
  pct: number;
  /** A latency in milliseconds. */
  ms: number;
  /** The same latency in seconds. */
  seconds: number;
  /** A delay in minutes. */
  minutes: number;
  /** A number of affected orders, messages or customers. */
  count: number;
  /** An interval in hours. */
  hours: number;
}

type Range = readonly [number, number];

const RANGES: Readonly<
  Record<
    Priority,
    { pct: Range; ms: Range; minutes: Range; count: Range; hours: Range }
  >
> = {
  1: {
    pct: [25, 60],
    ms: [4000, 9000],
    minutes: [60, 180],
    count: [2000, 9000],
    hours: [1, 3],
  },
  2: {
    pct: [8, 25],
    ms: [1800, 4000],
    minutes: [30, 90],
    count: [500, 2000],
    hours: [2, 6],
  },
  3: {
    pct: [3, 8],
    ms: [900, 1800],
    minutes: [15, 45],
    count: [100, 500],
    hours: [4, 10],
  },
  4: {
    pct: [1, 3],
    ms: [500, 900],
    minutes: [10, 25],
    count: [20, 100],
    hours: [6, 16],
  },
  5: {
    pct: [0.5, 1],
    ms: [350, 500],
    minutes: [5, 12],
    count: [5, 20],
    hours: [12, 24],
  },
};

/** Draws the figures for an incident of the given priority. */
export function drawMagnitude(r: Random, priority: Priority): Magnitude {
  const range = RANGES[priority];
  const pct = r.between(...range.pct);
  const ms = Math.round(r.between(...range.ms) / 50) * 50;
  const count = Math.round(r.between(...range.count));
  return {
    pct: pct >= 10 ? Math.round(pct) : Math.round(pct * 10) / 10,
    ms,
    seconds: Math.round(ms / 100) / 10,
    minutes: Math.round(r.between(...range.minutes)),
    count: count > 100 ? Math.round(count / 10) * 10 : count,
    hours: Math.round(r.between(...range.hours)),
  };
}
