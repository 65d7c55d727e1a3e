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
