import { formatDuration } from './formatDuration';

describe('formatDuration', () => {
  it.each([
    [45 * 60_000, '45m'],
    [3 * 3_600_000 + 20 * 60_000, '3h 20m'],
    [2 * 3_600_000, '2h'],
    [2 * 86_400_000 + 4 * 3_600_000, '2d 4h'],
  ])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});
