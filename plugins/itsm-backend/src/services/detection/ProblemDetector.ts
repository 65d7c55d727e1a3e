import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { PriorityMatrix } from '@backstage-itsm/plugin-itsm-common';
import { Knex } from 'knex';
import { ProposalOutcome, proposeProblem } from './proposeProblem';
import {
  CandidateIncident,
  busyEntityCategories,
  entitiesWithUnlinkedIncidents,
  unlinkedIncidents,
} from '../../database/detection/unlinkedIncidents';
import {
  OpenProposal,
  openProposals,
} from '../../database/detection/openProposals';
import { joinOpenProposal } from './joinOpenProposal';
import { changeFollowedIncidents } from '../../database/detection/changeFollowedIncidents';
import { changeFollowedRule } from './changeFollowedRule';
import { DetectionConfig } from './detectionConfig';
import { dependencyTargets } from './dependencyTargets';
import { EntityTitles, entityTitles } from './entityTitles';
import { majorIncidentRule } from './majorIncidentRule';
import { ProblemProposal } from './proposal';
import { repeatedIncidentsRule } from './repeatedIncidentsRule';
import { sharedDependencyRule } from './sharedDependencyRule';

/**
 * Counts of one detection run: proposals by outcome, and incidents that
 * joined a group's open proposal.
 */
export type DetectionRunSummary = Record<ProposalOutcome, number> & {
  joined: number;
};

/** The group of the repeated-incidents rule an incident or proposal is in. */
const groupOf = (item: { entityRef: string; category: string }) =>
  `${item.entityRef}\n${item.category}`;

/**
 * Proposes problems from recent incidents that no problem covers yet. Rules
 * run in turn, most specific first (incidents after changes, a shared
 * dependency, then repetition, then single major incidents); each reads the incidents left unlinked by the
 * ones before it.
 */
export class ProblemDetector {
  constructor(
    private readonly deps: {
      db: Knex;
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
      config: DetectionConfig;
      priorityMatrix: PriorityMatrix;
      now?: () => number;
    },
  ) {}

  private now() {
    return this.deps.now?.() ?? Date.now();
  }

  /** One detection pass. */
  async run(): Promise<DetectionRunSummary> {
    const { config } = this.deps;
    const summary: DetectionRunSummary = {
      proposed: 0,
      already_proposed: 0,
      incidents_taken: 0,
      joined: 0,
    };
    const since = this.now() - config.lookbackMs;
    const record = async (proposals: ProblemProposal[]) => {
      for (const proposal of proposals) {
        const outcome = await proposeProblem(this.deps.db, {
          proposal,
          priorityMatrix: this.deps.priorityMatrix,
          now: this.now(),
        });
        summary[outcome] += 1;
        if (outcome === 'proposed') {
          this.deps.logger.info(`Proposed a problem: ${proposal.title}`, {
            rule: proposal.rule,
            detectionKey: proposal.detectionKey,
          });
        }
      }
    };
    if (config.changeFollowed) {
      await record(await this.changeFollowed(since));
    }
    if (config.sharedDependency) {
      await record(await this.sharedDependency(since));
    }
    if (config.repeatedIncidents) {
      const { proposals, joiners } = await this.repeatedIncidents(since);
      summary.joined += await this.join(joiners);
      await record(proposals);
    }
    if (config.majorIncidents) {
      const candidates = await unlinkedIncidents(this.deps.db, {
        since,
        onlyMajor: true,
      });
      await record(
        majorIncidentRule(candidates, {
          titleOf: await this.titles(candidates.map(i => i.entityRef)),
        }),
      );
    }
    return summary;
  }

  private async changeFollowed(since: number) {
    const rule = this.deps.config.changeFollowed!;
    const followed = await changeFollowedIncidents(this.deps.db, {
      since,
      intervalMs: rule.intervalMs,
    });
    return changeFollowedRule(followed, {
      ...rule,
      titleOf: await this.titles([
        ...new Set(followed.map(f => f.change.entityRef)),
      ]),
    });
  }

  /**
   * Proposals of the repeated-incidents rule, and the incidents whose group
   * already has an open proposal: those join it rather than start another.
   */
  private async repeatedIncidents(since: number): Promise<{
    proposals: ProblemProposal[];
    joiners: Map<OpenProposal, CandidateIncident[]>;
  }> {
    const rule = this.deps.config.repeatedIncidents!;
    const joiners = new Map<OpenProposal, CandidateIncident[]>();
    const [groups, open] = await Promise.all([
      busyEntityCategories(this.deps.db, {
        since,
        minIncidents: rule.minIncidents,
      }),
      openProposals(this.deps.db, {
        detectionKeyPrefix: 'repeated_incidents:',
      }),
    ]);
    const openByGroup = new Map(open.map(p => [groupOf(p), p]));
    const wanted = new Set([...groups.map(groupOf), ...openByGroup.keys()]);
    if (wanted.size === 0) {
      return { proposals: [], joiners };
    }
    const candidates = await unlinkedIncidents(this.deps.db, {
      since,
      entityRefs: [
        ...new Set([...groups, ...open].map(group => group.entityRef)),
      ],
    });
    const grouped: CandidateIncident[] = [];
    for (const incident of candidates) {
      const proposal = openByGroup.get(groupOf(incident));
      if (proposal && incident.createdAt >= proposal.since) {
        joiners.set(proposal, [...(joiners.get(proposal) ?? []), incident]);
      } else if (!proposal && wanted.has(groupOf(incident))) {
        grouped.push(incident);
      }
    }
    const proposals = repeatedIncidentsRule(grouped, {
      ...rule,
      titleOf: await this.titles(grouped.map(i => i.entityRef)),
    });
    return { proposals, joiners };
  }

  /** Adds incidents to their group's open proposal; answers how many joined. */
  private async join(
    joiners: Map<OpenProposal, CandidateIncident[]>,
  ): Promise<number> {
    let joined = 0;
    for (const [proposal, incidents] of joiners) {
      const count = await joinOpenProposal(this.deps.db, {
        problemId: proposal.id,
        incidents,
        now: this.now(),
      });
      if (count > 0) {
        this.deps.logger.info(
          `${count} incidents joined the open proposal ${proposal.number}`,
          { problemId: proposal.id },
        );
      }
      joined += count;
    }
    return joined;
  }

  private async sharedDependency(since: number) {
    const rule = this.deps.config.sharedDependency!;
    const entityRefs = await entitiesWithUnlinkedIncidents(this.deps.db, since);
    if (entityRefs.length < rule.minComponents) {
      return [];
    }
    const targets = await dependencyTargets({
      catalog: this.deps.catalog,
      entityRefs,
      minDependents: rule.minComponents,
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
    if (targets.length === 0) {
      return [];
    }
    const dependentRefs = new Set(targets.flatMap(t => [...t.dependents]));
    const candidates = await unlinkedIncidents(this.deps.db, {
      since,
      entityRefs: [...dependentRefs],
    });
    return sharedDependencyRule({
      candidates,
      targets,
      rule,
      titleOf: await this.titles([
        ...targets.map(t => t.entityRef),
        ...dependentRefs,
      ]),
    });
  }

  /** Entity titles for the proposals' titles and reasons. */
  private async titles(refs: string[]): Promise<EntityTitles> {
    return entityTitles({
      catalog: this.deps.catalog,
      refs,
      credentials: await this.deps.auth.getOwnServiceCredentials(),
    });
  }
}
