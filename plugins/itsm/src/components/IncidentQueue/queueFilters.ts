import {
  INCIDENT_STATUSES,
  IncidentStatus,
  OPEN_INCIDENT_STATUSES,
  PRIORITIES,
  Priority,
} from '@backstage-itsm/plugin-itsm-common';
import { IncidentQueueQuery, RecordListSort } from '../../api';

/** What the queue shows, as kept in the page's URL so views can be shared. */
export interface QueueFilters {
  status: 'open' | 'all' | IncidentStatus;
  priority: Priority[];
  /** Only incidents of the signed-in user's teams. */
  myTeams: boolean;
  ownerRef?: string;
  entityRef?: string;
  assignee?: 'me' | 'none';
  assigneeRef?: string;
  source?: 'manual' | 'alert';
  sort: RecordListSort;
  text?: string;
}

export const DEFAULT_QUEUE_FILTERS: QueueFilters = {
  status: 'open',
  priority: [],
  myTeams: false,
  sort: 'priority',
};

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
): T | undefined {
  return allowed.includes(value as T) ? (value as T) : undefined;
}

/** Reads the filters from the URL; unknown values fall back to the defaults. */
export function filtersFromSearch(params: URLSearchParams): QueueFilters {
  const get = (key: string) => params.get(key) || undefined;
  return {
    status:
      oneOf(params.get('status'), ['open', 'all', ...INCIDENT_STATUSES]) ??
      DEFAULT_QUEUE_FILTERS.status,
    priority: params
      .getAll('priority')
      .map(Number)
      .filter((p): p is Priority => PRIORITIES.includes(p as Priority)),
    myTeams: params.get('team') === 'mine',
    ownerRef: get('owner'),
    entityRef: get('entity'),
    assignee: oneOf(params.get('assignee'), ['me', 'none'] as const),
    assigneeRef: get('assigneeRef'),
    source: oneOf(params.get('source'), ['manual', 'alert'] as const),
    sort:
      oneOf(params.get('sort'), [
        'priority',
        'newest',
        'oldest',
        'relevance',
        'due',
      ] as const) ?? DEFAULT_QUEUE_FILTERS.sort,
    text: get('q'),
  };
}

/** Writes the filters into URL parameters, leaving defaults out. */
export function searchFromFilters(filters: QueueFilters): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string | undefined, fallback?: string) => {
    if (value && value !== fallback) params.set(key, value);
  };
  set('status', filters.status, DEFAULT_QUEUE_FILTERS.status);
  for (const p of filters.priority) params.append('priority', String(p));
  set('team', filters.myTeams ? 'mine' : undefined);
  set('owner', filters.ownerRef);
  set('entity', filters.entityRef);
  set('assignee', filters.assignee);
  set('assigneeRef', filters.assigneeRef);
  set('source', filters.source);
  set('sort', filters.sort, DEFAULT_QUEUE_FILTERS.sort);
  set('q', filters.text);
  return params;
}

function statusesOf(
  status: QueueFilters['status'],
): IncidentStatus[] | undefined {
  if (status === 'open') return [...OPEN_INCIDENT_STATUSES];
  return status === 'all' ? undefined : [status];
}

/**
 * The list query of the filters. `myTeams` are the groups the user belongs
 * to; a user in none matches no owner rather than every one.
 */
export function queryOfFilters(
  filters: QueueFilters,
  myTeams: string[],
): IncidentQueueQuery {
  let ownerRef: string[] | undefined;
  if (filters.ownerRef) {
    ownerRef = [filters.ownerRef];
  } else if (filters.myTeams) {
    ownerRef = myTeams.length > 0 ? myTeams : ['group:default/none'];
  }
  return {
    status: statusesOf(filters.status),
    priority: filters.priority.length > 0 ? filters.priority : undefined,
    ownerRef,
    entityRef: filters.entityRef ? [filters.entityRef] : undefined,
    // The backend refuses both at once; a named assignee wins.
    assigneeRef: filters.assigneeRef,
    assignee: filters.assigneeRef ? undefined : filters.assignee,
    source: filters.source ? [filters.source] : undefined,
    // The best match needs words to match; without any, priority order.
    sort:
      filters.sort === 'relevance' && !filters.text ? 'priority' : filters.sort,
    text: filters.text,
  };
}

/**
 * The pinned list: open P1 and P2 incidents within the same scope, whatever
 * the status, priority and order chosen below.
 */
export function pinnedQuery(query: IncidentQueueQuery): IncidentQueueQuery {
  return {
    ...query,
    status: [...OPEN_INCIDENT_STATUSES],
    priority: [1, 2],
    sort: 'priority',
  };
}
