import {
  formatIncidentNumber,
  formatProblemNumber,
  parseIncidentNumber,
  parseProblemNumber,
} from './numbers';

describe('formatIncidentNumber and formatProblemNumber', () => {
  it.each([
    [1, 'INC-000001'],
    [42, 'INC-000042'],
    [999999, 'INC-999999'],
    [1000000, 'INC-1000000'],
  ])('formats %i as %s', (n, text) => {
    expect(formatIncidentNumber(n)).toBe(text);
  });

  it('formats problem numbers', () => {
    expect(formatProblemNumber(7)).toBe('PRB-000007');
    expect(formatProblemNumber(1234567)).toBe('PRB-1234567');
  });

  it.each([0, -1, 1.5, NaN, Infinity])('rejects %p', n => {
    expect(() => formatIncidentNumber(n)).toThrow(
      `INC number must be a positive integer, got ${n}`,
    );
    expect(() => formatProblemNumber(n)).toThrow(
      `PRB number must be a positive integer, got ${n}`,
    );
  });
});

describe('parseIncidentNumber and parseProblemNumber', () => {
  it.each([
    ['INC-000042', 42],
    ['inc-42', 42],
    [' INC-1 ', 1],
    ['INC-1000000', 1000000],
    ['INC-2147483647', 2147483647],
  ])('parses %p as %i', (text, n) => {
    expect(parseIncidentNumber(text)).toBe(n);
  });

  it.each([
    '',
    'INC-',
    'INC-000000',
    'INC-12a',
    'PRB-000007',
    'INC 42',
    '42',
    'xINC-1',
    'INC-2147483648',
    'INC-999999999999999',
  ])('does not parse %p as an incident number', text => {
    expect(parseIncidentNumber(text)).toBeUndefined();
  });

  it('parses problem numbers and only those', () => {
    expect(parseProblemNumber('PRB-000007')).toBe(7);
    expect(parseProblemNumber('prb-7')).toBe(7);
    expect(parseProblemNumber('INC-000007')).toBeUndefined();
    expect(parseProblemNumber('PRB-0')).toBeUndefined();
  });

  it('round-trips', () => {
    for (const n of [1, 42, 123456, 9999999]) {
      expect(parseIncidentNumber(formatIncidentNumber(n))).toBe(n);
      expect(parseProblemNumber(formatProblemNumber(n))).toBe(n);
    }
  });
});
