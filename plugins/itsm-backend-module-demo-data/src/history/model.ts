import {
  Impact,
  IncidentSource,
  ItsmRecordType,
  Priority,
  ProblemStatus,
  TimelineEventKind,
  Urgency,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentTemplate } from './incidentScenarios';
import { ProblemScenario } from './problemScenarios';

/** A timeline entry before it becomes a row. */
export interface DemoEvent {
  recordType: ItsmRecordType;
  recordId: string;
  kind: TimelineEventKind;
  field?: string;
  oldValue?: string | null;
  newValue?: string | null;
  body?: string | null;
  actorRef: string;
  at: number;
}

/** A problem scenario placed in time, with its id and number. */
export interface ProblemFrame {
  scenario: ProblemScenario;
  id: string;
  number: number;
  createdAt: number;
  /** Status changes after creation, oldest first. */
  transitions: ReadonlyArray<{
    from: ProblemStatus;
    to: ProblemStatus;
    at: number;
  }>;
  knownErrorAt: number | null;
  /** When the permanent fix went live; null when never resolved. */
  resolvedAt: number | null;
  closedAt: number | null;
}

/** An incident placed in time, before its lifecycle is played. */
export interface IncidentPlan {
  id: string;
  /** Assigned once all incidents are sorted by creation time. */
  number: number;
  template: IncidentTemplate;
  title: string;
  description: string;
  ownerRef: string;
  impact: Impact;
  urgency: Urgency;
  priority: Priority;
  source: IncidentSource;
  dedupKey: string | null;
  /** Alert occurrences planned, including the first one. */
  occurrences: number;
  reporterRef: string;
  assigneeRef: string;
  detectedAt: number;
  createdAt: number;
  problem?: ProblemFrame;
  /** Whether someone linked it to its problem. */
  linked: boolean;
  /** Still being worked on now, whatever its priority. */
  current: boolean;
}
