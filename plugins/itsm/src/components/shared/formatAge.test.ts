import { formatAge } from './formatAge';

describe('formatAge', () => {
  const now = Date.parse('2024-05-10T12:00:00Z');

  it('formats minutes, hours and days', () => {
    expect(formatAge({ from: '2024-05-10T11:55:00Z', now })).toBe('5m');
    expect(formatAge({ from: '2024-05-10T09:00:00Z', now })).toBe('3h');
    expect(formatAge({ from: '2024-05-08T11:00:00Z', now })).toBe('2d');
  });

  it('clamps future timestamps to zero and ignores invalid ones', () => {
    expect(formatAge({ from: '2024-05-10T12:30:00Z', now })).toBe('0m');
    expect(formatAge({ from: 'not a date', now })).toBe('');
  });
});
