import { Priority } from './types';

/**
 * The kinds of record the search collators index, as the
 * `/search-documents` endpoint names them.
 *
 * @public
 */
export const SEARCH_DOCUMENT_KINDS = [
  'incidents',
  'problems',
  'known-errors',
  'postmortems',
] as const;

/**
 * One kind of record the search collators index.
 *
 * @public
 */
export type SearchDocumentKind = (typeof SEARCH_DOCUMENT_KINDS)[number];

/**
 * The search document type of each kind of record.
 *
 * @public
 */
export const ITSM_SEARCH_TYPES = {
  incidents: 'itsm-incident',
  problems: 'itsm-problem',
  'known-errors': 'itsm-known-error',
  postmortems: 'itsm-postmortem',
} as const satisfies Record<SearchDocumentKind, string>;

/**
 * A search document type of ITSM records.
 *
 * @public
 */
export type ItsmSearchType = (typeof ITSM_SEARCH_TYPES)[SearchDocumentKind];

/**
 * What the backend hands the search collators for one record: the words
 * worth finding it by, and what a result shows. Postmortems carry their
 * incident's id, number, priority and status.
 *
 * @public
 */
export interface SearchDocumentSource {
  /** Id of the incident or problem (of the incident, for a postmortem). */
  id: string;
  /** INC-000350 or PRB-000009. */
  number: string;
  title: string;
  /** Description, workaround, root cause and the like, joined. */
  text: string;
  priority: Priority;
  status: string;
  entityRef: string | null;
  /** Milliseconds since the epoch. */
  createdAt: number;
}

/**
 * A page of search document sources.
 *
 * @public
 */
export interface SearchDocumentPage {
  items: SearchDocumentSource[];
  nextCursor?: string;
}

/**
 * A search document of an ITSM record, as indexed and as shown in results.
 *
 * @public
 */
export interface ItsmSearchDocument {
  /** The document's type again: result list items are not told it. */
  documentType: ItsmSearchType;
  title: string;
  text: string;
  location: string;
  number: string;
  priority: Priority;
  status: string;
  entityRef: string;
  authorization?: { resourceRef: string };
}
