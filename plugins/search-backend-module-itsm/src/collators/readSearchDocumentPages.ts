import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  SearchDocumentKind,
  SearchDocumentPage,
  SearchDocumentSource,
} from '@backstage-itsm/plugin-itsm-common';

/**
 * Reads every search document source of a kind from the ITSM backend, one
 * keyset page per request, with the search plugin's own service
 * credentials. Holds one page at a time, so memory stays bounded however
 * many records there are.
 */
export async function* readSearchDocumentPages(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  kind: SearchDocumentKind;
  pageSize: number;
  createdAfter?: number;
}): AsyncGenerator<SearchDocumentSource[]> {
  const { discovery, auth, kind, pageSize, createdAfter } = options;
  const baseUrl = await discovery.getBaseUrl('itsm');
  let cursor: string | undefined;
  do {
    const params = new URLSearchParams({ kind, limit: String(pageSize) });
    if (createdAfter !== undefined) {
      params.set('createdAfter', String(createdAfter));
    }
    if (cursor) {
      params.set('cursor', cursor);
    }
    // A fresh token per page: a long collation outlives one.
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: 'itsm',
    });
    const response = await fetch(`${baseUrl}/search-documents?${params}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const page = (await response.json()) as SearchDocumentPage;
    yield page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
