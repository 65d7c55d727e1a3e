/*
 * PostgreSQL stores no NUL character in text or jsonb, so input is checked for
 * them before it reaches a query. Both walks use an explicit stack: request
 * bodies may be nested deeper than the call stack allows.
 */

const NUL = '\u0000';

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/**
 * Path of the first string or key holding a NUL character, such as
 * `['payload', 'summary']`, or undefined when there is none.
 */
export function findNul(value: unknown): string[] | undefined {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  for (let next = stack.pop(); next; next = stack.pop()) {
    if (typeof next.value === 'string') {
      if (next.value.includes(NUL)) {
        return next.path;
      }
    } else if (isContainer(next.value)) {
      for (const [key, child] of Object.entries(next.value).reverse()) {
        const path = [...next.path, key];
        if (key.includes(NUL)) {
          return path;
        }
        stack.push({ value: child, path });
      }
    }
  }
  return undefined;
}

function strip(text: string): string {
  return text.split(NUL).join('');
}

/**
 * A copy of `value` with every NUL character removed from its strings and
 * keys, for payloads that must be kept rather than refused.
 */
export function withoutNul(value: unknown): unknown {
  if (findNul(value) === undefined) {
    return value;
  }
  if (!isContainer(value)) {
    return typeof value === 'string' ? strip(value) : value;
  }
  const copyOf = (source: Container): Container =>
    Array.isArray(source) ? [] : {};
  const root = copyOf(value);
  const stack: { source: Container; target: Container }[] = [
    { source: value, target: root },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    for (const [key, child] of Object.entries(next.source)) {
      let copy: unknown = child;
      if (typeof child === 'string') {
        copy = strip(child);
      } else if (isContainer(child)) {
        copy = copyOf(child);
        stack.push({ source: child, target: copy as Container });
      }
      Object.defineProperty(next.target, strip(key), {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root;
}
