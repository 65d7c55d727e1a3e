import { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of Backstage ITSM. */
  itsm?: {
    /**
     * Priority per impact and urgency (1 high, 2 medium, 3 low), for example
     * `{ 1: { 1: 1, 2: 2, 3: 3 }, 2: { ... }, 3: { ... } }`. Defaults to the
     * ServiceNow matrix.
     */
    priorityMatrix?: {
      [impact: string]: { [urgency: string]: number };
    };
    /**
     * Incident and problem categories offered when logging a record.
     * @visibility frontend
     */
    categories?: string[];
    /**
     * Groups whose members may update every incident and problem, whoever
     * owns the entity, as entity refs such as `group:default/itsm-admins`.
     */
    adminGroups?: string[];
    /**
     * How many `dependsOn` edges to follow through the catalog when looking
     * for the entities that depend on a record's entity (who is told of a
     * P1/P2) and for what an entity depends on (its upstream warnings and
     * suggestions). Between 1 and 10; defaults to 3.
     */
    dependencyDepth?: number;
    /**
     * Problem detection: a scheduled task (one run at a time across backend
     * instances) that proposes problems (`status: new`, `source: detected`)
     * from incidents no problem covers yet. A rule runs when its key is set.
     * Each group of incidents is proposed once, ever; a rejected proposal
     * (closed as `cancelled`) is never proposed again. Bad values fail
     * start-up with an error naming the key.
     */
    detection?: {
      /** Turns the task on. Defaults to false. */
      enabled?: boolean;
      /** How often the task runs, e.g. `{ minutes: 5 }` (the default) or `PT5M`. */
      frequency?: HumanDuration | string;
      /**
       * How far back each run looks for incidents not linked to a problem;
       * at least as long as every rule's window. Defaults to 30 days.
       */
      lookback?: HumanDuration | string;
      /** N or more incidents on one entity and category within a window. */
      repeatedIncidents?: {
        /** N, at least 2. Defaults to 3. */
        minIncidents?: number;
        /** The window. Defaults to 14 days. */
        window?: HumanDuration | string;
      };
      /**
       * Incidents on K or more components that all have a `dependsOn`
       * relation to one entity, within a short window; that entity is the
       * suspected root cause.
       */
      sharedDependency?: {
        /** K, at least 2. Defaults to 3. */
        minComponents?: number;
        /** The window. Defaults to 1 hour. */
        window?: HumanDuration | string;
      };
      /**
       * N or more incidents that each followed a change of one entity (the
       * incident's own or a dependency's) within an interval; the changed
       * entity is the suspected root cause, its changes the suspects.
       */
      changeFollowed?: {
        /** N, at least 1. Defaults to 2. */
        minIncidents?: number;
        /** How soon after a change an incident counts. Defaults to 30 minutes. */
        interval?: HumanDuration | string;
      };
      /** Propose a problem for every P1 or major incident. Defaults to false. */
      majorIncidents?: boolean;
    };
    /**
     * Change events: `POST /api/itsm/changes` and the PagerDuty Change
     * Events compatible `POST /api/itsm/alerts/pagerduty/v2/change/enqueue`,
     * routed by the `alerts.routing` rules. Senders authenticate with
     * `backend.auth.externalAccess` tokens restricted to the plugin `itsm`
     * and the permission `itsm.change.ingest`. Bad values fail start-up.
     */
    changes?: {
      /** How far before an incident's detection its changes are listed. Defaults to 24 (at most 720). */
      incidentWindowHours?: number;
      /** How soon after a change an incident counts as following it, for the problem view. Defaults to 30. */
      followWindowMinutes?: number;
      /** How soon after a deploy an incident makes it a failed deploy (DORA). Defaults to 60. */
      failureWindowMinutes?: number;
      /** How long change events are kept. Defaults to 400 days. */
      retentionDays?: number;
    };
    /**
     * Backstage notifications of incidents, problems and action items
     * (needs `@backstage/plugin-notifications-backend`). Each notice's topic
     * is its kind, so people mute kinds in their notification settings; its
     * scope is the record, so a later notice replaces the earlier one. Bad
     * values fail start-up with an error naming the key.
     */
    notifications?: {
      /** Send notifications at all. Defaults to true; live updates (signals) are sent either way. */
      enabled?: boolean;
      /**
       * The kinds to send; defaults to all: `incident-opened`,
       * `incident-dependents`, `incident-assigned`, `incident-update`,
       * `incident-resolved`, `incident-cadence`, `problem-known-error`,
       * `problem-fixed`, `problem-update`, `problem-resolved`,
       * `action-item-assigned`, `action-items-overdue`.
       */
      kinds?: string[];
      /**
       * How long an open P1 may go without a public status update before
       * its assignee (or, unassigned, its owners) is reminded, once per
       * silence. At least one minute; defaults to 30 minutes.
       */
      cadence?: HumanDuration | string;
    };
    /**
     * Alert ingestion: `POST /api/itsm/alerts/alertmanager` and
     * `POST /api/itsm/alerts/pagerduty/v2/enqueue`. Senders authenticate
     * with `backend.auth.externalAccess` tokens restricted to the plugin
     * `itsm` and the permission `itsm.alert.ingest`.
     */
    alerts?: {
      /**
       * Resolve the incident when its alert resolves (Alertmanager `resolved`,
       * PagerDuty `resolve`). Off by default: the end of the alert is only
       * recorded on the timeline and people resolve the incident.
       */
      autoResolve?: boolean;
      /**
       * Resolution code of incidents resolved by their alert. Default
       * `resolved_by_caller`; `known_error` and `duplicate` are not allowed
       * (they name a record an alert cannot give).
       */
      resolutionCode?: string;
      /** Category of incidents opened by alerts. Default `availability`. */
      category?: string;
      /** Alertmanager label holding the severity. Default `severity`. */
      severityLabel?: string;
      /**
       * Severity assumed when an alert has none, or one missing from
       * `severities`. Default `warning`.
       */
      defaultSeverity?: string;
      /**
       * Impact and urgency (1 high, 2 medium, 3 low) per severity, matched
       * case-insensitively. Entries add to or replace the defaults: critical
       * 1/1, error 2/1, warning 2/2, info 3/3. Priority then follows
       * `itsm.priorityMatrix`.
       */
      severities?: {
        [severity: string]: { impact: number; urgency: number };
      };
      /** How an alert finds its catalog entity. */
      routing?: {
        /**
         * Labels holding an entity ref (`component:default/checkout-api`) or
         * a bare name of `defaultKind`, tried in order before the selector
         * annotation. For PagerDuty events, `component`, `group`, `class`,
         * `source` and flat `custom_details` act as labels. Default
         * `[itsm_entity, component, service]`.
         */
        entityLabels?: string[];
        /** Kind of a bare entity name in a label. Default `component`. */
        defaultKind?: string;
        /**
         * Match alerts against the `itsm.backstage.io/alert-selector`
         * annotation of catalog entities (`service=checkout-api, env=prod`:
         * every pair must equal a label; the selector with most pairs wins).
         * Default true.
         */
        selectorAnnotation?: boolean;
        /** Seconds catalog answers are reused for routing. Default 60. */
        cacheSeconds?: number;
      };
      /** Days the raw payload of each delivery is kept for audit. Default 30. */
      deliveryRetentionDays?: number;
    };
    /**
     * Major incidents: declared with an incident commander and a
     * communications lead, and reviewed in a postmortem before they close.
     */
    majorIncidents?: {
      /** Declares every incident opened as P1, by hand or by an alert, a major incident. Defaults to false. */
      autoDeclare?: boolean;
      /**
       * What a declared major incident needs before it may be closed:
       * `published` (the default) a published postmortem, `written` any
       * postmortem, `none` nothing.
       */
      closeRequiresPostmortem?: 'published' | 'written' | 'none';
    };
    /** The status page (`GET /api/itsm/status`, `/itsm/status` in the app). */
    status?: {
      /**
       * The state an open incident of each priority (1 to 5) puts its
       * component in: `operational`, `degraded`, `partial_outage` or
       * `major_outage`. A system takes the worst state of its parts. Keys
       * left out keep the default: 1 `major_outage`, 2 `partial_outage`,
       * 3 to 5 `degraded`. A bad key or state fails start-up.
       */
      states?: { [priority: string]: string };
    };
    /**
     * SLA targets per priority: time to respond (to acknowledge: the first
     * move out of `new`) and time to resolve. Without this key incidents
     * have no SLA clocks. A priority change re-targets the clocks from
     * detection. Bad values fail start-up with an error naming the key; a
     * calendar that yields no working time in the coming year is rejected.
     */
    sla?: {
      /**
       * Targets by priority key `P1` to `P5`; a priority left out has no
       * clocks, a target left out no clock of its own.
       */
      targets: {
        [priority: string]: {
          /** Time to respond, e.g. `{ minutes: 15 }` or `PT15M`. */
          respond?: HumanDuration | string;
          /** Time to resolve, e.g. `{ hours: 4 }` or `PT4H`. */
          resolve?: HumanDuration | string;
          /** Name of a calendar under `calendars`; 24x7 when left out. */
          calendar?: string;
        };
      };
      /** Business-hours calendars the targets may count in. */
      calendars?: {
        [name: string]: {
          /** IANA time zone, e.g. `Europe/Berlin`. Default `UTC`. */
          timeZone?: string;
          /** `mon` to `sun`. Default Monday to Friday. */
          workingDays?: string[];
          /** Working hours `HH:MM`, end up to `24:00`. Default all day. */
          hours?: { start?: string; end?: string };
          /** Dates `YYYY-MM-DD` (in the time zone) without working time. */
          holidays?: string[];
        };
      };
      /**
       * Hold reasons during which the clocks pause. Default
       * `awaiting_caller` and `awaiting_vendor`.
       */
      pauseOnHoldReasons?: string[];
      /**
       * Share of a target at which the assignee and the owners are warned.
       * Between 0 and 1; default 0.75.
       */
      warningShare?: number;
    };
  };
}
