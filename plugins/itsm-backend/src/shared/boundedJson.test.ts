import {
  MAX_PAYLOAD_DEPTH,
  MAX_PAYLOAD_STRING,
  TOO_DEEP_MARKER,
  boundedPayload,
} from './boundedJson';

function nested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) {
    value = i % 2 ? { a: value } : [value];
  }
  return value;
}

function depthOf(value: unknown): number {
  let depth = 0;
  let current = value;
  while (typeof current === 'object' && current !== null) {
    depth += 1;
    current = Object.values(current)[0];
  }
  return depth;
}

describe('boundedPayload', () => {
  it('keeps small payloads as they are', () => {
    const payload = { a: [1, 'two', { three: true, four: null }], b: 'x' };
    expect(boundedPayload(payload)).toEqual(payload);
  });

  it('replaces containers below the depth limit with a marker, without overflowing the stack', () => {
    const copy = boundedPayload(nested(200_000));
    expect(depthOf(copy)).toBe(MAX_PAYLOAD_DEPTH);
    expect(() => JSON.stringify(copy)).not.toThrow();
    expect(JSON.stringify(copy)).toContain(TOO_DEEP_MARKER);
  });

  it('cuts long strings and keys with a marker saying how much was cut', () => {
    const long = 'x'.repeat(MAX_PAYLOAD_STRING + 10);
    const copy = boundedPayload({ [long]: [long], short: 'ok' }) as Record<
      string,
      string[]
    >;
    const cutText = `${'x'.repeat(MAX_PAYLOAD_STRING)}…[cut 10 characters]`;
    expect(copy).toEqual({ [cutText]: [cutText], short: 'ok' });
    expect(boundedPayload(long)).toBe(cutText);
  });

  it('keeps prototype keys as plain data', () => {
    const payload = JSON.parse('{"__proto__": {"polluted": true}, "x": 1}');
    const copy = boundedPayload(payload) as Record<string, unknown>;
    expect(Object.keys(copy)).toEqual(['__proto__', 'x']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
  });
});
