// Search collation of every incident, as the search module's collator reads
// them: keyset pages of /search-documents, one page in memory. Time, rate and
// the peak RSS of the collator's side and of the backend.
import { measureCollation } from '../collationBenchmark.mjs';

export default {
  id: 'collation',
  title: 'Search collation of every incident',
  async run(ctx) {
    ctx.seed('incidents');
    const r = await measureCollation({
      baseUrl: ctx.a.baseUrl,
      token: ctx.serviceToken,
      pageSize: 500,
      backendPid: ctx.a.pid,
    });
    return [
      {
        kind: 'text',
        markdown: [
          `Every incident read through \`GET /api/itsm/search-documents?kind=incidents\` with a service token, pages of ${r.pageSize}, one request at a time, each item turned into a search document.`,
          '',
          '| Documents | Pages | Time s | Documents/s | Slowest page ms | Text MiB | Collator peak RSS MiB | Backend peak RSS MiB |',
          '|--:|--:|--:|--:|--:|--:|--:|--:|',
          `| ${r.documents} | ${r.pages} | ${r.seconds} | ${
            r.documentsPerSecond
          } | ${r.slowestPageMs} | ${r.textMiB} | ${r.collatorPeakRssMiB} | ${
            r.backendPeakRssMiB ?? 'n/a'
          } |`,
        ].join('\n'),
      },
    ];
  },
};
