import { HttpAuthService } from '@backstage/backend-plugin-api';
import { searchDocumentsQuery } from '@backstage-itsm/plugin-itsm-common';
import Router from 'express-promise-router';
import { SearchDocumentService } from '../services/search/SearchDocumentService';
import { callerOf } from '../shared/caller';
import { pageOptions } from '../shared/pageOptions';
import { parseQuery } from '../shared/parseInput';

/** The route the search collators read records through. */
export function searchDocumentRoutes(options: {
  httpAuth: HttpAuthService;
  searchDocuments: SearchDocumentService;
}) {
  const { httpAuth, searchDocuments } = options;
  const router = Router();

  router.get('/search-documents', async (req, res) => {
    const caller = await callerOf(httpAuth, req);
    const query = parseQuery(searchDocumentsQuery, req.query);
    res.json(
      await searchDocuments.page({
        kind: query.kind,
        createdAfter: query.createdAfter,
        ...pageOptions(query),
        credentials: caller.credentials,
      }),
    );
  });

  return router;
}
