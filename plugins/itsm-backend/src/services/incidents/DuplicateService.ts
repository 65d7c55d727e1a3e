import { NotFoundError } from '@backstage/errors';
import {
  Incident,
  MAX_PAGE_LIMIT,
  PossibleDuplicate,
  TriageList,
  itsmIncidentReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import {
  duplicatesOfIncident,
  openIncidentsOnEntities,
} from '../../database/incidentDuplicates';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import { normaliseEntityRef } from '../../shared/catalogEntities';
import { entityAndDependencies } from '../../shared/entityAndDependencies';
import { IncidentRecords, incidentRecords } from '../../shared/recordKinds';
import { countMatchedWords, tokenise } from '../../shared/words';

/** Candidates read from the store before ranking; the answer keeps the best. */
const CANDIDATES = 200;
const ANSWERED = 50;

/** Open incidents a reporter may be about to log again, and the duplicates of an incident. */
export class DuplicateService {
  private readonly records: IncidentRecords;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      catalog: CatalogService;
      dependencyDepth: number;
    },
  ) {
    this.records = incidentRecords(deps);
  }

  /**
   * Open incidents on the entity and on what it depends on: those whose
   * title or description share most words with the reporter's text first,
   * then those on the entity itself, then the newest.
   */
  async possibleDuplicates(options: {
    entityRef: string;
    text?: string;
    caller: Caller;
  }): Promise<TriageList<PossibleDuplicate>> {
    const { caller } = options;
    const entityRef = normaliseEntityRef(options.entityRef, 'entityRef');
    const restrict = await this.deps.authorizer.restrictionFor(
      itsmIncidentReadPermission,
      caller.credentials,
    );
    const entity = await this.deps.catalog.getEntityByRef(entityRef, {
      credentials: caller.credentials,
    });
    if (!entity) {
      throw new NotFoundError(
        `entityRef: entity '${entityRef}' does not exist in the catalog`,
      );
    }
    const reach = await entityAndDependencies({
      catalog: this.deps.catalog,
      credentials: caller.credentials,
      entityRef,
      maxDepth: this.deps.dependencyDepth,
    });
    const incidents = await openIncidentsOnEntities(this.deps.db, {
      entityRefs: [...reach.keys()],
      restrict,
      limit: CANDIDATES,
    });
    const words = tokenise(options.text);
    const items = incidents.map((incident, newest) => {
      const { via, path } = reach.get(incident.entityRef)!;
      return {
        item: {
          incident,
          via,
          path,
          matchedWords: countMatchedWords(words, [
            incident.title,
            incident.description,
          ]),
        },
        newest,
      };
    });
    items.sort(
      (a, b) =>
        b.item.matchedWords - a.item.matchedWords ||
        a.item.path.length - b.item.path.length ||
        a.newest - b.newest,
    );
    return { items: items.slice(0, ANSWERED).map(({ item }) => item) };
  }

  /** The incidents resolved as duplicates of one the caller may read, oldest first. */
  async duplicatesOf(
    idOrNumber: string,
    caller: Caller,
  ): Promise<TriageList<Incident>> {
    const incident = await this.records.get(idOrNumber, caller);
    const restrict = await this.deps.authorizer.restrictionFor(
      itsmIncidentReadPermission,
      caller.credentials,
    );
    return {
      items: await duplicatesOfIncident(this.deps.db, {
        incidentId: incident.id,
        restrict,
        limit: MAX_PAGE_LIMIT,
      }),
    };
  }
}
