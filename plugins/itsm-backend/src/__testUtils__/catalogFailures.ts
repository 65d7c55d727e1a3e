import { ResponseError } from '@backstage/errors';

/** The error the catalog client throws for an answer with this status. */
export function catalogResponseError(
  status: number,
  message = 'internal catalog detail',
): Promise<ResponseError> {
  return ResponseError.fromResponse({
    status,
    statusText: `Status ${status}`,
    ok: false,
    headers: new Headers({ 'content-type': 'application/json' }),
    redirected: false,
    type: 'basic',
    url: 'http://catalog.test/api/catalog/entities',
    text: async () =>
      JSON.stringify({
        error: { name: 'Error', message },
        response: { statusCode: status },
      }),
  } as Parameters<typeof ResponseError.fromResponse>[0]);
}
