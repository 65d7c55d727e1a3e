/*
 * Alert payloads carry fields the plugin does not read (custom details,
 * sender extensions) and keeps for audit and descriptions. A sender may nest
 * them deeper than the call stack allows JSON.stringify to walk, or make one
 * value most of a 1 MB body, so they are copied with bounds first, with an
 * explicit stack for the same reason.
 */

/** Containers below this depth are replaced by a marker. */
export const MAX_PAYLOAD_DEPTH = 32;

/** Strings and keys longer than this are cut, with a marker saying how much. */
export const MAX_PAYLOAD_STRING = 16_384;

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

function cut(text: string): string {
  if (text.length <= MAX_PAYLOAD_STRING) {
    return text;
  }
  return `${text.slice(0, MAX_PAYLOAD_STRING)}…[cut ${
    text.length - MAX_PAYLOAD_STRING
  } characters]`;
}

function emptyLike(value: Container): Container {
  return Array.isArray(value) ? [] : {};
}

/** The marker left where a container was nested too deep. */
export const TOO_DEEP_MARKER = `[nested deeper than ${MAX_PAYLOAD_DEPTH} levels: left out]`;

/**
 * A copy of a parsed JSON value with containers nested deeper than
 * MAX_PAYLOAD_DEPTH replaced by TOO_DEEP_MARKER and strings and keys longer
 * than MAX_PAYLOAD_STRING cut with a marker. Keys such as `__proto__` stay
 * plain data.
 */
export function boundedPayload(value: unknown): unknown {
  if (typeof value === 'string') {
    return cut(value);
  }
  if (!isContainer(value)) {
    return value;
  }
  const root = emptyLike(value);
  const stack: { source: Container; target: Container; depth: number }[] = [
    { source: value, target: root, depth: 1 },
  ];
  for (let next = stack.pop(); next; next = stack.pop()) {
    for (const [key, child] of Object.entries(next.source)) {
      let copy: unknown = child;
      if (typeof child === 'string') {
        copy = cut(child);
      } else if (isContainer(child)) {
        if (next.depth >= MAX_PAYLOAD_DEPTH) {
          copy = TOO_DEEP_MARKER;
        } else {
          copy = emptyLike(child);
          stack.push({
            source: child,
            target: copy as Container,
            depth: next.depth + 1,
          });
        }
      }
      Object.defineProperty(next.target, cut(key), {
        value: copy,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return root;
}
