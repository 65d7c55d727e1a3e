import {
  DEFAULT_PRIORITY_MATRIX,
  PriorityMatrix,
  derivePriority,
  formatPriority,
  parsePriorityMatrix,
} from './priority';
import { Impact, PRIORITY_LABELS, Priority, Urgency } from './types';

const validConfig = {
  '1': { '1': 1, '2': 2, '3': 3 },
  '2': { '1': 2, '2': 3, '3': 4 },
  '3': { '1': 3, '2': 4, '3': 5 },
};

function withCell(impact: string, urgency: string, cell: unknown) {
  const copy = JSON.parse(JSON.stringify(validConfig));
  copy[impact][urgency] = cell;
  return copy;
}

describe('derivePriority', () => {
  it.each<[Impact, Urgency, Priority]>([
    [1, 1, 1],
    [1, 2, 2],
    [1, 3, 3],
    [2, 1, 2],
    [2, 2, 3],
    [2, 3, 4],
    [3, 1, 3],
    [3, 2, 4],
    [3, 3, 5],
  ])('impact %i and urgency %i give P%i by default', (impact, urgency, p) => {
    expect(derivePriority({ impact, urgency })).toBe(p);
  });

  it('uses a given matrix', () => {
    const matrix: PriorityMatrix = {
      1: { 1: 1, 2: 1, 3: 2 },
      2: { 1: 2, 2: 2, 3: 3 },
      3: { 1: 4, 2: 5, 3: 5 },
    };
    expect(derivePriority({ impact: 1, urgency: 2, matrix })).toBe(1);
    expect(derivePriority({ impact: 3, urgency: 1, matrix })).toBe(4);
  });

  it('rejects values outside 1 to 3', () => {
    expect(() => derivePriority({ impact: 4 as Impact, urgency: 1 })).toThrow(
      'impact must be 1, 2 or 3, got 4',
    );
    expect(() => derivePriority({ impact: 1, urgency: 0 as Urgency })).toThrow(
      'urgency must be 1, 2 or 3, got 0',
    );
  });
});

describe('PRIORITY_LABELS and formatPriority', () => {
  it('labels every priority', () => {
    expect(PRIORITY_LABELS).toEqual({
      1: 'critical',
      2: 'high',
      3: 'moderate',
      4: 'low',
      5: 'planning',
    });
  });

  it.each<[Priority, string]>([
    [1, 'P1'],
    [3, 'P3'],
    [5, 'P5'],
  ])('formats %i as %s', (p, text) => {
    expect(formatPriority(p)).toBe(text);
  });
});

describe('parsePriorityMatrix', () => {
  it('accepts the default matrix in config shape', () => {
    expect(parsePriorityMatrix(validConfig)).toEqual(DEFAULT_PRIORITY_MATRIX);
  });

  it('accepts a custom matrix and looks up through it', () => {
    const matrix = parsePriorityMatrix(withCell('3', '3', 4));
    expect(matrix[3][3]).toBe(4);
    expect(derivePriority({ impact: 3, urgency: 3, matrix })).toBe(4);
  });

  it('does not keep a reference to the config object', () => {
    const config = JSON.parse(JSON.stringify(validConfig));
    const matrix = parsePriorityMatrix(config);
    config['1']['1'] = 5;
    expect(matrix[1][1]).toBe(1);
  });

  it.each([null, undefined, 'P1', 3, [[1, 2, 3]]])(
    'rejects %p as the whole value',
    value => {
      expect(() => parsePriorityMatrix(value)).toThrow(
        'itsm.priorityMatrix must be an object mapping impact (1-3) to urgency (1-3) to priority (1-5)',
      );
    },
  );

  it('names a missing impact row', () => {
    const { '2': _, ...rest } = validConfig;
    expect(() => parsePriorityMatrix(rest)).toThrow(
      'itsm.priorityMatrix.2 must be an object mapping urgency (1-3) to priority (1-5)',
    );
  });

  it('names an impact row that is not an object', () => {
    expect(() =>
      parsePriorityMatrix({ ...validConfig, '3': [3, 4, 5] }),
    ).toThrow(
      'itsm.priorityMatrix.3 must be an object mapping urgency (1-3) to priority (1-5)',
    );
  });

  it('names an unknown impact key', () => {
    expect(() =>
      parsePriorityMatrix({ ...validConfig, '4': { '1': 1 } }),
    ).toThrow('itsm.priorityMatrix.4 is not a valid impact; use 1, 2 or 3');
  });

  it('names an unknown urgency key', () => {
    expect(() => parsePriorityMatrix(withCell('2', 'high', 1))).toThrow(
      'itsm.priorityMatrix.2.high is not a valid urgency; use 1, 2 or 3',
    );
  });

  it.each([
    ['missing', undefined],
    ['zero', 0],
    ['six', 6],
    ['fractional', 2.5],
    ['a string', '3'],
    ['a label', 'P3'],
    ['null', null],
  ])('names the cell when it is %s', (_, cell) => {
    expect(() => parsePriorityMatrix(withCell('2', '3', cell))).toThrow(
      'itsm.priorityMatrix.2.3 must be an integer from 1 to 5',
    );
  });

  it('names every cell position correctly', () => {
    for (const impact of ['1', '2', '3']) {
      for (const urgency of ['1', '2', '3']) {
        expect(() => parsePriorityMatrix(withCell(impact, urgency, 9))).toThrow(
          `itsm.priorityMatrix.${impact}.${urgency} must be an integer from 1 to 5`,
        );
      }
    }
  });

  it('uses the given config key in messages', () => {
    expect(() =>
      parsePriorityMatrix(withCell('1', '2', 7), {
        configKey: 'app.itsm.priorityMatrix',
      }),
    ).toThrow('app.itsm.priorityMatrix.1.2 must be an integer from 1 to 5');
    expect(() => parsePriorityMatrix('x', { configKey: 'custom' })).toThrow(
      /^custom must be an object/,
    );
  });
});
