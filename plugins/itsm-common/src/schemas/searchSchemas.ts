import { z } from 'zod';
import { SEARCH_DOCUMENT_KINDS } from '../search';
import { oneOf, pageQuery, queryValue } from './fields';

/**
 * Largest page of search document sources: collation reads many records
 * and each page is one request.
 *
 * @public
 */
export const MAX_SEARCH_DOCUMENT_PAGE = 1000;

/**
 * Query of `/search-documents`: which kind, from when (incidents and
 * postmortems only), and the page.
 *
 * @public
 */
export const searchDocumentsQuery = z
  .object({
    kind: oneOf(SEARCH_DOCUMENT_KINDS),
    createdAfter: queryValue(
      z.coerce
        .number<number>({ error: 'must be a time in milliseconds' })
        .int('must be a time in milliseconds')
        .min(0, 'must be a time in milliseconds'),
    ),
    limit: queryValue(
      z.coerce
        .number<number>({ error: 'must be an integer' })
        .int('must be an integer')
        .min(1, 'must be at least 1')
        .max(
          MAX_SEARCH_DOCUMENT_PAGE,
          `must be at most ${MAX_SEARCH_DOCUMENT_PAGE}`,
        ),
    ),
    cursor: pageQuery.cursor,
  })
  .strict();

/**
 * Query of `/search-documents`, as a client sends it.
 *
 * @public
 */
export type SearchDocumentsQuery = z.input<typeof searchDocumentsQuery>;
