import { createApiRef } from '@backstage/core-plugin-api';
import {
  AffectedEntities,
  AffectedEntitiesRequest,
  ListPostmortemsRequest,
  MajorIncidentRequest,
  PostmortemListItem,
  PostmortemStatusRequest,
} from '@backstage-itsm/plugin-itsm-common';
import {
  ActionItem,
  ActionItemParent,
  AnalysisQuery,
  CreateActionItemRequest,
  CreateIncidentRequest,
  CreateProblemRequest,
  DismissUnroutedAlertRequest,
  EntityItsmSummary,
  Incident,
  KnownErrorListQuery,
  LinkIncidentRequest,
  NoteRequest,
  Page,
  Postmortem,
  PostmortemRequest,
  Problem,
  ProblemFromIncidentRequest,
  ProblemTransitionRequest,
  PublishKnownErrorRequest,
  ReliabilityAnalysis,
  TimelineEvent,
  TimelineQuery,
  UnroutedAlert,
  UnroutedAlertAssignment,
  UnroutedAlertCount,
  UnroutedAlertCountQuery,
  UnroutedAlertListQuery,
  UpdateActionItemRequest,
  UpdateProblemRequest,
} from '@backstage-itsm/plugin-itsm-common';
import {
  EditIncidentRequest,
  IncidentKnownError,
  IncidentQueueQuery,
  PossibleDuplicate,
  ProblemQueueQuery,
  TriageTransitionRequest,
} from './triageTypes';
import {
  StatusPage,
  UpstreamIncidents,
} from '@backstage-itsm/plugin-itsm-common';
import {
  DoraFigures,
  IncidentChanges,
  ProblemChanges,
} from '@backstage-itsm/plugin-itsm-common';
import { ItsmAudience, ItsmFollowState, ItsmFollowTarget } from './liveTypes';

/**
 * Client of the ITSM backend.
 *
 * @public
 */
export interface ItsmApi {
  listIncidents(query: IncidentQueueQuery): Promise<Page<Incident>>;
  getIncident(id: string): Promise<Incident>;
  createIncident(incident: CreateIncidentRequest): Promise<Incident>;
  updateIncident(id: string, changes: EditIncidentRequest): Promise<Incident>;
  transitionIncident(
    id: string,
    move: TriageTransitionRequest,
  ): Promise<Incident>;
  listIncidentTimeline(
    id: string,
    page?: TimelineQuery,
  ): Promise<Page<TimelineEvent>>;
  addIncidentNote(id: string, note: NoteRequest): Promise<TimelineEvent>;
  /** The incident's postmortem, or undefined while none is written. */
  getPostmortem(incidentId: string): Promise<Postmortem | undefined>;
  savePostmortem(
    incidentId: string,
    draft: PostmortemRequest,
  ): Promise<Postmortem>;
  createProblemFromIncident(
    incidentId: string,
    options: ProblemFromIncidentRequest,
  ): Promise<Problem>;
  /** Declares a major incident and sets its roles. */
  declareMajorIncident(
    incidentId: string,
    declaration: MajorIncidentRequest,
  ): Promise<Incident>;
  getAffectedEntities(incidentId: string): Promise<AffectedEntities>;
  setAffectedEntities(
    incidentId: string,
    request: AffectedEntitiesRequest,
  ): Promise<Incident>;
  movePostmortemStatus(
    incidentId: string,
    move: PostmortemStatusRequest,
  ): Promise<Postmortem>;
  listPostmortems(
    query: ListPostmortemsRequest,
  ): Promise<Page<PostmortemListItem>>;

  listProblems(query: ProblemQueueQuery): Promise<Page<Problem>>;
  listKnownErrors(query: KnownErrorListQuery): Promise<Page<Problem>>;
  getProblem(id: string): Promise<Problem>;
  createProblem(problem: CreateProblemRequest): Promise<Problem>;
  updateProblem(id: string, changes: UpdateProblemRequest): Promise<Problem>;
  transitionProblem(
    id: string,
    move: ProblemTransitionRequest,
  ): Promise<Problem>;
  publishKnownError(
    id: string,
    options: PublishKnownErrorRequest,
  ): Promise<Problem>;
  listProblemTimeline(
    id: string,
    page?: TimelineQuery,
  ): Promise<Page<TimelineEvent>>;
  addProblemNote(id: string, note: NoteRequest): Promise<TimelineEvent>;
  linkIncident(
    problemId: string,
    incidentId: string,
    options: LinkIncidentRequest,
  ): Promise<Problem>;
  unlinkIncident(problemId: string, incidentId: string): Promise<Problem>;

  listActionItems(
    parent: ActionItemParent,
    page?: { cursor?: string },
  ): Promise<Page<ActionItem>>;
  createActionItem(item: CreateActionItemRequest): Promise<ActionItem>;
  updateActionItem(
    id: string,
    changes: UpdateActionItemRequest,
  ): Promise<ActionItem>;

  getEntitySummary(entityRef: string): Promise<EntityItsmSummary>;
  /** Alerts that matched no catalog entity, newest first. */
  listUnroutedAlerts(
    query: UnroutedAlertListQuery,
  ): Promise<Page<UnroutedAlert>>;
  /** Opens an incident on the entity from an unrouted alert. */
  assignUnroutedAlert(
    id: string,
    entityRef: string,
  ): Promise<UnroutedAlertAssignment>;
  /** Dismisses a pending unrouted alert; the alert and the reason are kept. */
  dismissUnroutedAlert(
    id: string,
    request: DismissUnroutedAlertRequest,
  ): Promise<UnroutedAlert>;
  /** How many unrouted alerts are in a status, such as `pending`. */
  countUnroutedAlerts(
    query: UnroutedAlertCountQuery,
  ): Promise<UnroutedAlertCount>;
  /** Reliability analysis of an entity, owner, system or the organisation. */
  getAnalysis(query: AnalysisQuery): Promise<ReliabilityAnalysis>;
  /** Deployment frequency, change failure rate and time to restore, per week. */
  getDoraFigures(query: AnalysisQuery): Promise<DoraFigures>;
  /** Changes on the incident's entity and dependencies before its detection. */
  listIncidentChanges(incidentId: string): Promise<IncidentChanges>;
  /** Which changes preceded the problem's incidents, and how often. */
  getProblemChanges(problemId: string): Promise<ProblemChanges>;

  // Triage: duplicates while logging, known errors during the incident.
  /** Open incidents on the entity and what it depends on, matching words first. */
  listPossibleDuplicates(query: {
    entityRef: string;
    text?: string;
  }): Promise<{ items: PossibleDuplicate[] }>;
  /** Known errors of the incident's entity and its dependencies, matching words first. */
  listIncidentKnownErrors(
    incidentId: string,
  ): Promise<{ items: IncidentKnownError[] }>;
  /** Links the incident to the known error and takes its workaround. */
  applyKnownError(
    incidentId: string,
    request: { problemId: string; version: number },
  ): Promise<Incident>;

  // Status page, upstream warnings, following and audience.
  /** Systems and components with their states, public updates, recent resolutions. */
  getStatus(): Promise<StatusPage>;
  /** Open P1 and P2 incidents on what the entity depends on, with the path. */
  listUpstreamIncidents(entityRef: string): Promise<UpstreamIncidents>;
  /** Whether the caller follows an incident, a problem or an entity. */
  getFollow(target: ItsmFollowTarget): Promise<ItsmFollowState>;
  follow(target: ItsmFollowTarget): Promise<ItsmFollowState>;
  unfollow(target: ItsmFollowTarget): Promise<ItsmFollowState>;
  /** Who receives the incident's public status updates. */
  getIncidentAudience(id: string): Promise<ItsmAudience>;
}

/**
 * Reference to the {@link ItsmApi}.
 *
 * @public
 */
export const itsmApiRef = createApiRef<ItsmApi>({ id: 'plugin.itsm.api' });
