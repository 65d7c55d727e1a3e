/**
 * Categories offered when none are configured.
 *
 * @public
 */
export const DEFAULT_CATEGORIES: readonly string[] = [
  'availability',
  'performance',
  'data',
  'security',
  'deployment',
  'capacity',
  'dependency',
  'configuration',
];

/**
 * Maximum lengths of text fields, enforced by the backend and the forms alike.
 *
 * @public
 */
export const LIMITS = {
  /** Titles of incidents, problems and action items. */
  title: 200,
  /** Long text: description, statement, root cause, workaround, fix, symptoms, resolution notes. */
  description: 10000,
  /** Timeline notes and public status updates. */
  note: 10000,
  /** Each markdown section of a postmortem. */
  markdown: 50000,
  /** Short free text such as a detection reason. */
  short: 500,
  /** A category name. */
  category: 64,
  /** A catalog entity ref. */
  entityRef: 255,
  /** Entries in a problem's affectedEntityRefs. */
  affectedEntityRefs: 100,
  /** An alert fingerprint or Events v2 dedup_key. */
  dedupKey: 255,
  /** Why an edit changes impact or urgency. */
  reason: 2000,
  /** The text filter of a list query. */
  search: 200,
} as const;

/**
 * Largest page a list endpoint returns.
 *
 * @public
 */
export const MAX_PAGE_LIMIT = 100;

/**
 * Page size when a list request sets no limit.
 *
 * @public
 */
export const DEFAULT_PAGE_LIMIT = 25;

/**
 * Orders of the incident and problem lists: newest first (the default),
 * oldest first, priority 1 first then oldest first, best word-search
 * match first (the default when `text` is given), and for incidents the
 * soonest SLA due time first (overdue first; those without a counting clock
 * last, oldest first).
 *
 * @public
 */
export const LIST_SORTS = [
  'newest',
  'oldest',
  'priority',
  'relevance',
  'due',
] as const;

/**
 * An order of the incident and problem lists.
 *
 * @public
 */
export type ListSort = (typeof LIST_SORTS)[number];

/**
 * Who a list filters on by assignee: the caller (`me`) or nobody (`none`).
 *
 * @public
 */
export const ASSIGNEE_FILTERS = ['me', 'none'] as const;

/**
 * Sources of the incident list filter: `alert` stands for every alert
 * source (`alertmanager`, `events-v2`).
 *
 * @public
 */
export const INCIDENT_SOURCE_FILTERS = [
  'manual',
  'alert',
  'alertmanager',
  'events-v2',
  'api',
] as const;
