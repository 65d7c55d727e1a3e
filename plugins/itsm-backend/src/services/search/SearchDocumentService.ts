import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  SearchDocumentKind,
  SearchDocumentPage,
} from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { Cursor, encodeCursor } from '../../database/cursor';
import { readSearchDocumentPage } from '../../database/searchDocuments';

/**
 * Pages of every record of a kind for the search collators. Only backend
 * services may read them: the pages skip the read rules, which the search
 * backend applies to results through each document's resource ref.
 */
export class SearchDocumentService {
  constructor(private readonly deps: { db: Knex }) {}

  /** One page of a kind's search document sources. */
  async page(options: {
    kind: SearchDocumentKind;
    createdAfter?: number;
    limit: number;
    after?: Cursor;
    credentials: BackstageCredentials;
  }): Promise<SearchDocumentPage> {
    const { principal } = options.credentials as BackstageCredentials<{
      type: string;
    }>;
    if (principal.type !== 'service') {
      throw new NotAllowedError(
        'Search documents are for backend services only',
      );
    }
    const { items, next } = await readSearchDocumentPage(this.deps.db, {
      kind: options.kind,
      createdAfter: options.createdAfter,
      limit: options.limit,
      after: options.after,
    });
    return next ? { items, nextCursor: encodeCursor(next) } : { items };
  }
}
