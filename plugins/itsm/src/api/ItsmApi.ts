import { createApiRef } from '@backstage/core-plugin-api';
import {
  ActionItem,
  AnalysisQuery,
  EntityItsmSummary,
  HoldReason,
  Impact,
  Incident,
  IncidentResolutionCode,
  IncidentStatus,
  Page,
  Postmortem,
  Problem,
  ProblemResolutionCode,
  ProblemStatus,
  RcaMethod,
  ReliabilityAnalysis,
  TimelineEvent,
  UnroutedAlert,
  Urgency,
} from '@backstage-itsm/plugin-itsm-common';

/** Filters of the incident list. */
export interface IncidentListQuery {
  entityRef?: string | string[];
  ownerRef?: string | string[];
  status?: string[];
  priority?: number[];
  assigneeRef?: string;
  problemId?: string;
  text?: string;
  cursor?: string;
  limit?: number;
}

/** Filters of the problem list. */
export interface ProblemListQuery {
  entityRef?: string | string[];
  affectedEntityRef?: string | string[];
  status?: string[];
  priority?: number[];
  knownError?: boolean;
  text?: string;
  cursor?: string;
  limit?: number;
}

/** Filters of the known error database. */
export interface KnownErrorQuery {
  entityRef?: string | string[];
  text?: string;
  cursor?: string;
  limit?: number;
}

/** Fields of a new incident. */
export interface NewIncident {
  title: string;
  description: string;
  entityRef: string;
  category: string;
  impact: Impact;
  urgency: Urgency;
  assigneeRef?: string;
}

/** Changes to an incident; `version` guards against lost updates. */
export interface IncidentChanges {
  version: number;
  title?: string;
  description?: string;
  category?: string;
  impact?: Impact;
  urgency?: Urgency;
  assigneeRef?: string | null;
  workaround?: string | null;
}

/** A lifecycle move of an incident, with what the target status requires. */
export interface IncidentTransition {
  version: number;
  to: IncidentStatus;
  holdReason?: HoldReason;
  resolutionCode?: IncidentResolutionCode;
  resolutionNotes?: string;
}

/** Fields of a new problem. */
export interface NewProblem {
  title: string;
  statement: string;
  entityRef?: string | null;
  affectedEntityRefs?: string[];
  category: string;
  impact: Impact;
  urgency: Urgency;
}

/** Changes to a problem; `version` guards against lost updates. */
export interface ProblemChanges {
  version: number;
  title?: string;
  statement?: string;
  entityRef?: string | null;
  impact?: Impact;
  urgency?: Urgency;
  assigneeRef?: string | null;
  rootCause?: string | null;
  rcaMethod?: RcaMethod | null;
  workaround?: string | null;
  permanentFix?: string | null;
  symptoms?: string | null;
}

/** A lifecycle move of a problem, with what the target status requires. */
export interface ProblemTransition {
  version: number;
  to: ProblemStatus;
  resolutionCode?: ProblemResolutionCode;
  resolutionNotes?: string;
  duplicateOf?: string;
}

/** A timeline note: internal to responders, or a public status update. */
export interface NewNote {
  body: string;
  visibility: 'internal' | 'public';
}

/** The editable sections of a postmortem, in markdown. */
export interface PostmortemDraft {
  version?: number;
  summary: string;
  impact: string;
  rootCause: string;
  lessonsLearned: string;
}

/** Record an action item belongs to. */
export interface ActionItemParent {
  parentType: 'incident' | 'problem';
  parentId: string;
}

/** Fields of a new action item. */
export interface NewActionItem extends ActionItemParent {
  title: string;
  ownerRef?: string;
  dueAt?: string;
  kind?: 'corrective' | 'preventive';
}

/** Changes to an action item. */
export interface ActionItemChanges {
  version: number;
  status?: 'open' | 'done';
  title?: string;
  ownerRef?: string | null;
  dueAt?: string | null;
}

/** Client of the ITSM backend. */
export interface ItsmApi {
  listIncidents(query: IncidentListQuery): Promise<Page<Incident>>;
  getIncident(id: string): Promise<Incident>;
  createIncident(incident: NewIncident): Promise<Incident>;
  updateIncident(id: string, changes: IncidentChanges): Promise<Incident>;
  transitionIncident(id: string, move: IncidentTransition): Promise<Incident>;
  listIncidentTimeline(
    id: string,
    page?: { cursor?: string },
  ): Promise<Page<TimelineEvent>>;
  addIncidentNote(id: string, note: NewNote): Promise<TimelineEvent>;
  /** The incident's postmortem, or undefined while none is written. */
  getPostmortem(incidentId: string): Promise<Postmortem | undefined>;
  savePostmortem(
    incidentId: string,
    draft: PostmortemDraft,
  ): Promise<Postmortem>;
  createProblemFromIncident(
    incidentId: string,
    options: { holdIncident: boolean },
  ): Promise<Problem>;

  listProblems(query: ProblemListQuery): Promise<Page<Problem>>;
  listKnownErrors(query: KnownErrorQuery): Promise<Page<Problem>>;
  getProblem(id: string): Promise<Problem>;
  createProblem(problem: NewProblem): Promise<Problem>;
  updateProblem(id: string, changes: ProblemChanges): Promise<Problem>;
  transitionProblem(id: string, move: ProblemTransition): Promise<Problem>;
  publishKnownError(
    id: string,
    options: { version: number; symptoms?: string },
  ): Promise<Problem>;
  listProblemTimeline(
    id: string,
    page?: { cursor?: string },
  ): Promise<Page<TimelineEvent>>;
  addProblemNote(id: string, note: NewNote): Promise<TimelineEvent>;
  linkIncident(
    problemId: string,
    incidentId: string,
    options: { holdIncident: boolean },
  ): Promise<Problem>;
  unlinkIncident(problemId: string, incidentId: string): Promise<Problem>;

  listActionItems(
    parent: ActionItemParent,
    page?: { cursor?: string },
  ): Promise<Page<ActionItem>>;
  createActionItem(item: NewActionItem): Promise<ActionItem>;
  updateActionItem(id: string, changes: ActionItemChanges): Promise<ActionItem>;

  getEntitySummary(entityRef: string): Promise<EntityItsmSummary>;
  /** Alerts that matched no catalog entity, newest first. */
  listUnroutedAlerts(query: {
    status?: 'pending' | 'assigned';
    cursor?: string;
    limit?: number;
  }): Promise<Page<UnroutedAlert>>;
  /** Opens an incident on the entity from an unrouted alert. */
  assignUnroutedAlert(
    id: string,
    entityRef: string,
  ): Promise<{ alert: UnroutedAlert; incident: Incident }>;
  /** Reliability analysis of an entity, owner, system or the organisation. */
  getAnalysis(query: AnalysisQuery): Promise<ReliabilityAnalysis>;
}

/** Reference to the {@link ItsmApi}. */
export const itsmApiRef = createApiRef<ItsmApi>({ id: 'plugin.itsm.api' });
