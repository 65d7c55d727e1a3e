import { loadOpenApiDocument } from '../schema/__testUtils__/openApiContract';

/*
 * The bad-input corpus: every operation of openapi.yaml, read at run time so
 * that operations added later are covered, and the bad values each kind of
 * input is sent, one at a time.
 */

type Json = any;

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** An HTTP method the corpus sends. */
export type Method = (typeof METHODS)[number];

/** One documented query parameter. */
export interface QueryParameter {
  name: string;
  required: boolean;
  schema: Json;
}

/** One operation of the OpenAPI document, with what a request may carry. */
export interface CorpusOperation {
  method: Method;
  /** Path template, such as `/incidents/{id}`. */
  path: string;
  pathParams: string[];
  queryParams: QueryParameter[];
  /** Top-level body properties, with their schemas. */
  bodyFields: Record<string, Json>;
  /** Required top-level body properties. */
  requiredFields: string[];
  hasBody: boolean;
}

function resolver(document: Json) {
  return (value: Json): Json => {
    let current = value;
    while (current && typeof current.$ref === 'string') {
      const [, section, kind, name] = current.$ref.split('/');
      current = document[section][kind][name];
    }
    return current;
  };
}

/** Every operation of openapi.yaml. */
export function corpusOperations(): CorpusOperation[] {
  const document = loadOpenApiDocument() as Json;
  const resolve = resolver(document);
  const flatten = (schema: Json): Json[] => {
    const resolved = resolve(schema);
    if (!resolved) {
      return [];
    }
    const nested = ['allOf', 'oneOf', 'anyOf'].flatMap(key =>
      (resolved[key] ?? []).flatMap(flatten),
    );
    return [resolved, ...nested];
  };
  return Object.entries(document.paths).flatMap(
    ([path, item]: [string, Json]) =>
      METHODS.filter(method => item[method]).map(method => {
        const parameters = [
          ...(item.parameters ?? []),
          ...(item[method].parameters ?? []),
        ].map(resolve);
        const bodySchema =
          item[method].requestBody?.content?.['application/json']?.schema;
        const parts = bodySchema ? flatten(bodySchema) : [];
        const bodyFields: Record<string, Json> = {};
        for (const part of parts) {
          for (const [name, schema] of Object.entries(part.properties ?? {})) {
            bodyFields[name] = resolve(schema);
          }
        }
        return {
          method,
          path,
          pathParams: parameters
            .filter(p => p.in === 'path')
            .map(p => p.name as string),
          queryParams: parameters
            .filter(p => p.in === 'query')
            .map(p => ({
              name: p.name as string,
              required: Boolean(p.required),
              schema: resolve(p.schema) ?? {},
            })),
          bodyFields,
          requiredFields: [
            ...new Set(parts.flatMap(part => part.required ?? [])),
          ] as string[],
          hasBody: Boolean(bodySchema),
        };
      }),
  );
}

/**
 * A value the schema accepts, from its example, enum, default or type; for
 * operations without a hand-written valid body.
 */
export function sampleOf(schema: Json, name = ''): Json {
  if (!schema) {
    return 'x';
  }
  if (schema.example !== undefined) {
    return schema.example;
  }
  if (schema.enum) {
    return schema.enum[0];
  }
  if (schema.default !== undefined) {
    return schema.default;
  }
  switch (schema.type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key: string) => [
          key,
          sampleOf(schema.properties?.[key], key),
        ]),
      );
    default:
      if (schema.format === 'date-time') {
        return new Date().toISOString();
      }
      return /Ref$/.test(name)
        ? 'component:default/checkout-api'
        : 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
  }
}

/** JSON text of an array nested `depth` levels deep, built without recursion. */
const deepJson = (depth: number) => `${'['.repeat(depth)}1${']'.repeat(depth)}`;

const base64url = (value: unknown) =>
  Buffer.from(JSON.stringify(value)).toString('base64url');

const HUGE = 'x'.repeat(1_000_000);

/** Strings a text field may carry; JSON text, with escapes JSON.stringify would not write. */
const TEXT_VALUES: [string, string][] = [
  ['NUL', JSON.stringify('a\u0000b')],
  ['lone high surrogate', '"a\\ud800b"'],
  ['lone low surrogate', '"\\udfff"'],
  ['emoji', JSON.stringify('🔥💥🧯'.repeat(5))],
  ['huge (1 MB)', JSON.stringify(HUGE)],
  ['__proto__', '"__proto__"'],
  ['constructor', '"constructor"'],
  ['dot segments', '"../.."'],
  ['entity ref with dot segments', '"component:../.."'],
  ['number 2^31', '"INC-2147483648"'],
];

/** Bad values for a body field, as JSON text. */
export const BODY_VALUES: [string, string][] = [
  ...TEXT_VALUES,
  ['deep (10,000 levels)', deepJson(10_000)],
  ['2^31', '2147483648'],
  ['2^53', '9007199254740992'],
  ['-1', '-1'],
  ['1.5', '1.5'],
  ['null', 'null'],
  ['string for boolean', '"yes"'],
  ['object for number', '{"a":1}'],
  ['array for string', '["a"]'],
  ['__proto__ key', '{"__proto__":{"polluted":true}}'],
  ['constructor key', '{"constructor":{"prototype":{"polluted":true}}}'],
];

/** Bad values for a query parameter, URL-encoded or raw where encoding cannot express them. */
export const QUERY_VALUES: [string, string][] = [
  ['NUL', 'a%00b'],
  ['lone surrogate (invalid UTF-8)', '%ED%A0%80'],
  ['emoji', encodeURIComponent('🔥💥')],
  ['huge (8 KB, within the header limit)', 'x'.repeat(8_000)],
  ['2^31', '2147483648'],
  ['2^53', '9007199254740992'],
  ['-1', '-1'],
  ['1.5', '1.5'],
  ['INC 2^31', 'INC-2147483648'],
  ['foreign cursor [1,"junk"]', base64url([1, 'junk'])],
  ['foreign cursor ["newest",1,"junk"]', base64url(['newest', 1, 'junk'])],
  ['foreign cursor {}', base64url({ __proto__: 1 })],
  ['cursor not base64', '%%%'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['dot segments', '..%2F..%2F..'],
  ['entity ref with dot segments', 'component:..%2F..'],
  ['string for boolean', 'yes'],
];

/** Wrong shapes for a query parameter, as `name`-relative query text. */
export const QUERY_SHAPES: [string, (name: string) => string][] = [
  ['array', name => `${name}=a&${name}=b`],
  ['object', name => `${name}[x]=1`],
  ['__proto__ object', name => `${name}[__proto__]=1`],
];

/** Bad values for a path parameter, URL-encoded. */
export const PATH_VALUES: [string, string][] = [
  ['NUL', 'INC-1%00'],
  ['lone surrogate (invalid UTF-8)', '%ED%A0%80'],
  ['bad percent encoding', '%E0%A4%A'],
  ['emoji', encodeURIComponent('🔥')],
  ['huge', 'x'.repeat(5_000)],
  ['encoded dot segments', '..%2F..'],
  ['dot segments', '../..'],
  ['encoded dot dot', '%2E%2E'],
  ['INC 2^31', 'INC-2147483648'],
  ['PRB 2^53', 'PRB-9007199254740992'],
  ['-1', '-1'],
  ['__proto__', '__proto__'],
  ['constructor', 'constructor'],
  ['uuid-like junk', '00000000-0000-0000-0000-00000000000g'],
];

/** Whole bodies that are wrong in their shape, as JSON text. */
export const WHOLE_BODIES: [string, string][] = [
  ['array', '[1,2,3]'],
  ['string', '"text"'],
  ['number', '2147483648'],
  ['null', 'null'],
  ['deep (10,000 levels)', deepJson(10_000)],
  ['not JSON', '{"a":'],
];

/**
 * JSON text of `base` with `extra` spliced in as the first key, so keys such
 * as `__proto__` arrive as own properties of the parsed body.
 */
export function withLeadingKey(
  base: Record<string, unknown>,
  key: string,
  valueJson: string,
): string {
  const rest = JSON.stringify(base).slice(1);
  return `{${JSON.stringify(key)}:${valueJson}${
    rest === '}' ? '' : ','
  }${rest}`;
}

/** JSON text of `base` with `field` set to the JSON text `valueJson`. */
export function withField(
  base: Record<string, unknown>,
  field: string,
  valueJson: string,
): string {
  const others = { ...base };
  delete others[field];
  return withLeadingKey(others, field, valueJson);
}
