import { formatDuration, formatWeek } from './formatDuration';

describe('formatDuration', () => {
  it.each([
    [null, '–'],
    [45_000, '45s'],
    [12 * 60_000, '12m'],
    [2 * 3_600_000, '2h'],
    [2 * 3_600_000 + 5 * 60_000, '2h 5m'],
    [3_600_000 * 23 + 59.8 * 60_000, '24h'],
    [3 * 86_400_000 + 4 * 3_600_000, '3d 4h'],
    [42 * 86_400_000, '42d'],
  ])('shows %p as %p', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });

  it('shows week starts as UTC dates', () => {
    expect(formatWeek('2026-10-05T00:00:00.000Z')).toBe('5 Oct');
  });
});
