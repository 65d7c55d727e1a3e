import { AuthService, DiscoveryService } from '@backstage/backend-plugin-api';
import { Permission } from '@backstage/plugin-permission-common';
import { DocumentCollatorFactory } from '@backstage/plugin-search-common';
import {
  ITSM_SEARCH_TYPES,
  ItsmSearchDocument,
  ItsmSearchType,
  SearchDocumentKind,
  SearchDocumentSource,
  itsmIncidentReadPermission,
  itsmProblemReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { Readable } from 'stream';
import { ItsmCollatorSettings } from './readCollatorSettings';
import { readSearchDocumentPages } from './readSearchDocumentPages';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Postmortems are read on their incident: the incident read rules decide. */
const VISIBILITY: Record<SearchDocumentKind, Permission> = {
  incidents: itsmIncidentReadPermission,
  postmortems: itsmIncidentReadPermission,
  problems: itsmProblemReadPermission,
  'known-errors': itsmProblemReadPermission,
};

const PAGE: Record<SearchDocumentKind, 'incidents' | 'problems'> = {
  incidents: 'incidents',
  postmortems: 'incidents',
  problems: 'problems',
  'known-errors': 'problems',
};

/**
 * Indexes one kind of ITSM record. Each document names its incident or
 * problem as `authorization.resourceRef`, so the search backend shows a
 * result only to those whom the API would let read the record.
 */
export class ItsmCollatorFactory implements DocumentCollatorFactory {
  readonly type: ItsmSearchType;
  readonly visibilityPermission: Permission;

  static create(options: {
    kind: SearchDocumentKind;
    settings: ItsmCollatorSettings;
    discovery: DiscoveryService;
    auth: AuthService;
    now?: () => number;
  }): ItsmCollatorFactory {
    return new ItsmCollatorFactory(options);
  }

  private constructor(
    private readonly options: {
      kind: SearchDocumentKind;
      settings: ItsmCollatorSettings;
      discovery: DiscoveryService;
      auth: AuthService;
      now?: () => number;
    },
  ) {
    this.type = ITSM_SEARCH_TYPES[options.kind];
    this.visibilityPermission = VISIBILITY[options.kind];
  }

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  /** Since when records of this kind are indexed, if not all of them. */
  private createdAfter(): number | undefined {
    const { kind, settings, now = Date.now } = this.options;
    const windowed =
      kind === 'incidents' ||
      (kind === 'postmortems' && settings.postmortemsWithinIncidentWindow);
    return windowed ? now() - settings.incidentWindowDays * DAY_MS : undefined;
  }

  private async *documents(): AsyncGenerator<ItsmSearchDocument> {
    const { kind, settings, discovery, auth } = this.options;
    const pages = readSearchDocumentPages({
      discovery,
      auth,
      kind,
      pageSize: settings.pageSize,
      createdAfter: this.createdAfter(),
    });
    for await (const page of pages) {
      for (const source of page) {
        yield this.toDocument(source);
      }
    }
  }

  private toDocument(source: SearchDocumentSource): ItsmSearchDocument {
    const { kind, settings } = this.options;
    return {
      documentType: this.type,
      title: source.title,
      text: source.text,
      location: `${settings.basePath}/${PAGE[kind]}/${source.number}`,
      number: source.number,
      priority: source.priority,
      status: source.status,
      entityRef: source.entityRef ?? '',
      authorization: { resourceRef: source.id },
    };
  }
}
