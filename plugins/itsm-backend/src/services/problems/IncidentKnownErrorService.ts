import { ConflictError, InputError } from '@backstage/errors';
import {
  Incident,
  KnownErrorCandidate,
  TriageList,
  confirmKnownErrorBody,
  formatProblemNumber,
  itsmProblemReadPermission,
} from '@backstage-itsm/plugin-itsm-common';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { z } from 'zod';
import { knownErrorsOfEntities } from '../../database/knownErrorsOfEntities';
import { refreshAffectedEntities } from '../../database/refreshAffectedEntities';
import {
  getRecordRow,
  touchRecord,
  updateRecordRow,
} from '../../database/records';
import { IncidentRow } from '../../database/tables';
import { appendTimeline } from '../../database/timeline';
import { Authorizer } from '../../shared/authorizer';
import { Caller } from '../../shared/caller';
import {
  entityAndDependencies,
  nearestReach,
} from '../../shared/entityAndDependencies';
import {
  IncidentRecords,
  ProblemRecords,
  incidentKind,
  incidentRecords,
  problemRecords,
} from '../../shared/recordKinds';
import { countMatchedWords, tokenise } from '../../shared/words';
import { assertUnlinked, linkIncidentInTransaction } from './linkIncident';
import { workaroundCopy } from './workaroundCopy';

/** Candidates read from the store before ranking; the answer keeps the best. */
const CANDIDATES = 200;
const ANSWERED = 50;

/** The known error database at an incident: what may explain it, and "this is it". */
export class IncidentKnownErrorService {
  private readonly incidents: IncidentRecords;
  private readonly problems: ProblemRecords;

  constructor(
    private readonly deps: {
      db: Knex;
      authorizer: Authorizer;
      catalog: CatalogService;
      dependencyDepth: number;
      now?: () => number;
    },
  ) {
    this.incidents = incidentRecords(deps);
    this.problems = problemRecords(deps);
  }

  /**
   * Known errors in effect on the incident's entity and on what it depends
   * on: those sharing most words with the incident's title and description
   * first, then the nearest, then the most recently published. Empty for a
   * caller who may read no problems.
   */
  async candidates(
    idOrNumber: string,
    caller: Caller,
  ): Promise<TriageList<KnownErrorCandidate>> {
    const incident = await this.incidents.get(idOrNumber, caller);
    const [access] = await this.deps.authorizer.readAccessFor(
      [itsmProblemReadPermission],
      caller.credentials,
    );
    if (!access.readable) {
      return { items: [] };
    }
    const reach = await entityAndDependencies({
      catalog: this.deps.catalog,
      credentials: caller.credentials,
      entityRef: incident.entityRef,
      maxDepth: this.deps.dependencyDepth,
    });
    const problems = await knownErrorsOfEntities(this.deps.db, {
      entityRefs: [...reach.keys()],
      restrict: access.restrict,
      limit: CANDIDATES,
    });
    const words = tokenise(`${incident.title} ${incident.description}`);
    const ranked = problems.map((problem, recent) => {
      const { via, path } = nearestReach(reach, [
        problem.entityRef,
        ...problem.affectedEntityRefs,
      ])!;
      const matchedWords = countMatchedWords(words, [
        problem.title,
        problem.statement,
        problem.symptoms,
        problem.rootCause,
        problem.workaround,
      ]);
      return { item: { problem, via, path, matchedWords }, recent };
    });
    ranked.sort(
      (a, b) =>
        b.item.matchedWords - a.item.matchedWords ||
        a.item.path.length - b.item.path.length ||
        a.recent - b.recent,
    );
    return { items: ranked.slice(0, ANSWERED).map(({ item }) => item) };
  }

  /**
   * "This is it": links the incident to the known error and copies its
   * workaround when the incident has none, in one transaction with the
   * timeline rows of both. The caller changes the incident and reads the
   * known error; a 409 when the incident changed since it was read or
   * belongs to another problem.
   */
  async confirm(options: {
    incidentIdOrNumber: string;
    input: z.infer<typeof confirmKnownErrorBody>;
    caller: Caller;
  }): Promise<Incident> {
    const { input, caller } = options;
    const { row: incident } = await this.incidents.getForUpdate(
      options.incidentIdOrNumber,
      caller,
    );
    this.incidents.assertWritable(incident, input.version);
    const { row: problem, record } = await this.problems.find(input.problemId);
    await this.problems.requireRead(record, caller);
    const number = formatProblemNumber(problem.number);
    if (!problem.known_error || problem.status === 'closed') {
      throw new InputError(
        `problemId: ${number} is not a known error in effect`,
      );
    }
    if (incident.problem_id !== problem.id) {
      assertUnlinked(incident);
    }
    const now = this.deps.now?.() ?? Date.now();
    const copy = workaroundCopy({
      incident,
      problem,
      actorRef: caller.actorRef,
      now,
    });
    return this.deps.db.transaction(async tx => {
      if (incident.problem_id !== problem.id) {
        await linkIncidentInTransaction(tx, {
          problem,
          incident,
          holdIncident: false,
          actorRef: caller.actorRef,
          now,
          also: copy,
        });
        await refreshAffectedEntities(tx, { problemId: problem.id });
        await touchRecord(tx, { recordType: 'problem', id: problem.id, now });
      } else if (copy.events.length > 0) {
        await this.saveCopy(tx, { incident, copy, now });
      }
      const fresh = await getRecordRow(tx, {
        recordType: 'incident',
        id: incident.id,
      });
      return incidentKind.toRecord(tx, fresh!);
    });
  }

  private async saveCopy(
    tx: Knex.Transaction,
    options: {
      incident: IncidentRow;
      copy: ReturnType<typeof workaroundCopy>;
      now: number;
    },
  ): Promise<void> {
    const { incident, copy, now } = options;
    const updated = await updateRecordRow(tx, {
      recordType: 'incident',
      id: incident.id,
      version: Number(incident.version),
      changes: copy.changes,
    });
    if (!updated) {
      throw new ConflictError(
        `${incidentKind.formatNumber(
          incident.number,
        )} was changed by someone else; reload it and apply your change again`,
      );
    }
    await appendTimeline(tx, { events: copy.events, now });
  }
}
