import { resolvePackagePath } from '@backstage/backend-plugin-api';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fs from 'fs';
import { parse } from 'yaml';

/**
 * Checks API responses against the OpenAPI document beside this file, for
 * tests. `src` is not in the package's `files`, so this only works in the
 * repository, not from the published package.
 */

/** Where the OpenAPI document lives. */
export const OPENAPI_DOCUMENT_PATH = resolvePackagePath(
  '@backstage-itsm/plugin-itsm-backend',
  'src/schema/openapi.yaml',
);

/** Base path the document's paths are relative to. */
const SERVER_PATH = '/api/itsm';

/** Id under which `components.schemas` is registered with ajv. */
const COMPONENTS_ID = 'itsm-openapi-components';
const SCHEMA_REF_PREFIX = '#/components/schemas/';
const RESPONSE_REF_PREFIX = '#/components/responses/';

const HTTP_METHODS = [
  'get',
  'put',
  'post',
  'delete',
  'options',
  'head',
  'patch',
  'trace',
] as const;

type JsonObject = { [key: string]: unknown };

interface DocumentedOperation {
  /** Upper case, such as `GET`. */
  method: string;
  /** Path template, such as `/incidents/{id}`. */
  path: string;
  segments: string[];
  paramCount: number;
  responses: JsonObject;
}

interface Contract {
  document: JsonObject;
  operations: DocumentedOperation[];
  ajv: Ajv;
  validators: Map<string, ValidateFunction>;
}

let contract: Contract | undefined;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function child(value: unknown, key: string): unknown {
  return isObject(value) ? value[key] : undefined;
}

/** Reads and parses the OpenAPI document; a fresh copy on every call. */
export function loadOpenApiDocument(): JsonObject {
  const document = parse(fs.readFileSync(OPENAPI_DOCUMENT_PATH, 'utf8'));
  if (!isObject(document) || !isObject(document.paths)) {
    throw new Error(`${OPENAPI_DOCUMENT_PATH} is not an OpenAPI document`);
  }
  return document;
}

/**
 * Turns an OpenAPI 3.0 schema into one ajv can compile: references to
 * `#/components/schemas/X` point at the registered components schema.
 */
function toAjvSchema(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(toAjvSchema);
  }
  if (!isObject(value)) {
    return value;
  }
  const result: JsonObject = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === '$ref' && typeof item === 'string') {
      if (!item.startsWith(SCHEMA_REF_PREFIX)) {
        throw new Error(`Unsupported $ref in a schema: ${item}`);
      }
      result.$ref = `${COMPONENTS_ID}#/$defs/${item.slice(
        SCHEMA_REF_PREFIX.length,
      )}`;
    } else {
      result[key] = toAjvSchema(item);
    }
  }
  return result;
}

function splitPath(value: string): string[] {
  return value.split('/').filter(segment => segment !== '');
}

function loadContract(): Contract {
  if (contract) {
    return contract;
  }
  const document = loadOpenApiDocument();

  const operations: DocumentedOperation[] = [];
  for (const [template, pathItem] of Object.entries(
    document.paths as JsonObject,
  )) {
    for (const method of HTTP_METHODS) {
      const operation = child(pathItem, method);
      if (!isObject(operation)) {
        continue;
      }
      const segments = splitPath(template);
      operations.push({
        method: method.toUpperCase(),
        path: template,
        segments,
        paramCount: segments.filter(s => s.startsWith('{')).length,
        responses: isObject(operation.responses) ? operation.responses : {},
      });
    }
  }

  // OpenAPI 3.0 `nullable: true` is a built-in keyword of ajv 8; `example` and
  // the other OpenAPI-only annotations are registered as no-op keywords so
  // that strict mode still catches typos in real keywords.
  const ajv = new Ajv({ allErrors: true, strict: true, discriminator: true });
  addFormats(ajv);
  ajv.addVocabulary(['example', 'externalDocs', 'xml']);
  ajv.addSchema({
    $id: COMPONENTS_ID,
    $defs: toAjvSchema(child(document.components, 'schemas') ?? {}),
  });

  contract = { document, operations, ajv, validators: new Map() };
  return contract;
}

/** Every documented operation, such as `{ method: 'GET', path: '/incidents/{id}' }`. */
export function documentedOperations(): { method: string; path: string }[] {
  return loadContract().operations.map(({ method, path }) => ({
    method,
    path,
  }));
}

/** The documented operation a concrete request path and method map to. */
function findOperation(
  operations: DocumentedOperation[],
  method: string,
  requestPath: string,
): DocumentedOperation | undefined {
  let pathname = requestPath.split(/[?#]/)[0];
  if (pathname === SERVER_PATH || pathname.startsWith(`${SERVER_PATH}/`)) {
    pathname = pathname.slice(SERVER_PATH.length);
  }
  const segments = splitPath(pathname);
  const matches = operations.filter(
    operation =>
      operation.method === method &&
      operation.segments.length === segments.length &&
      operation.segments.every(
        (segment, i) => segment.startsWith('{') || segment === segments[i],
      ),
  );
  // Literal segments win over parameters.
  matches.sort((a, b) => a.paramCount - b.paramCount);
  return matches[0];
}

function describeError(error: ErrorObject): string {
  const where = `body${error.instancePath}`;
  const params = error.params as JsonObject;
  let detail = '';
  if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    detail = `: ${params.allowedValues.map(v => JSON.stringify(v)).join(', ')}`;
  } else if (error.keyword === 'additionalProperties') {
    detail = `: ${String(params.additionalProperty)}`;
  }
  return `${where} ${error.message}${detail}`;
}

/**
 * Validates a response body against the schema documented for the method,
 * path and status. Returns the problems found; empty when the body matches.
 *
 * @param options.path - the concrete request path, such as
 *   `/incidents/INC-000042` or `/api/itsm/incidents?status=new`
 */
export function validateResponse(options: {
  method: string;
  path: string;
  status: number;
  body: unknown;
}): string[] {
  const { document, operations, ajv, validators } = loadContract();
  const method = options.method.toUpperCase();
  const operation = findOperation(operations, method, options.path);
  if (!operation) {
    return [`No documented operation for ${method} ${options.path}`];
  }
  const name = `${method} ${operation.path}`;

  const status = String(options.status);
  const statusKey = [status, `${status[0]}XX`, 'default'].find(key =>
    Object.prototype.hasOwnProperty.call(operation.responses, key),
  );
  if (!statusKey) {
    return [
      `${name} does not document status ${status} (documented: ${Object.keys(
        operation.responses,
      ).join(', ')})`,
    ];
  }

  let response = operation.responses[statusKey];
  const ref = child(response, '$ref');
  if (typeof ref === 'string') {
    if (!ref.startsWith(RESPONSE_REF_PREFIX)) {
      return [`${name} ${status}: unsupported response $ref ${ref}`];
    }
    response = child(
      child(document.components, 'responses'),
      ref.slice(RESPONSE_REF_PREFIX.length),
    );
    if (!isObject(response)) {
      return [`${name} ${status}: ${ref} is not defined`];
    }
  }

  const content = child(response, 'content');
  if (!isObject(content)) {
    return options.body === undefined || options.body === ''
      ? []
      : [`${name} ${status} documents no body, but one was sent`];
  }
  const schema = child(content['application/json'], 'schema');
  if (!isObject(schema)) {
    return [`${name} ${status} documents no application/json schema`];
  }

  const cacheKey = `${name} ${statusKey}`;
  let validate = validators.get(cacheKey);
  if (!validate) {
    validate = ajv.compile(toAjvSchema(schema) as JsonObject);
    validators.set(cacheKey, validate);
  }
  if (validate(options.body)) {
    return [];
  }
  return (validate.errors ?? []).map(
    error => `${name} ${status}: ${describeError(error)}`,
  );
}
