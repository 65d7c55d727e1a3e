import { OPEN_INCIDENT_STATUSES } from '@backstage-itsm/plugin-itsm-common';
import {
  DEFAULT_QUEUE_FILTERS,
  filtersFromSearch,
  pinnedQuery,
  queryOfFilters,
  searchFromFilters,
} from './queueFilters';

describe('queue filters', () => {
  it('round-trips through the URL and leaves defaults out', () => {
    const filters = {
      ...DEFAULT_QUEUE_FILTERS,
      status: 'all' as const,
      priority: [1 as const, 2 as const],
      entityRef: 'component:default/payments-api',
      assignee: 'none' as const,
      source: 'alert' as const,
      sort: 'oldest' as const,
      text: 'gateway 503',
    };
    const search = searchFromFilters(filters);
    expect(search.toString()).toBe(
      'status=all&priority=1&priority=2&entity=component%3Adefault%2Fpayments-api&assignee=none&source=alert&sort=oldest&q=gateway+503',
    );
    expect(filtersFromSearch(search)).toEqual(filters);
    expect(searchFromFilters(DEFAULT_QUEUE_FILTERS).toString()).toBe('');
  });

  it('ignores values it does not know', () => {
    expect(
      filtersFromSearch(
        new URLSearchParams('status=gone&priority=9&sort=random&assignee=x'),
      ),
    ).toEqual(DEFAULT_QUEUE_FILTERS);
  });

  it("asks for the user's teams, or for none when the user has no team", () => {
    const mine = { ...DEFAULT_QUEUE_FILTERS, myTeams: true };
    expect(queryOfFilters(mine, ['group:default/sre']).ownerRef).toEqual([
      'group:default/sre',
    ]);
    expect(queryOfFilters(mine, []).ownerRef).toEqual(['group:default/none']);
    expect(
      queryOfFilters({ ...mine, ownerRef: 'group:default/payments' }, [
        'group:default/sre',
      ]).ownerRef,
    ).toEqual(['group:default/payments']);
  });

  it('never sends a named assignee together with me or none', () => {
    const query = queryOfFilters(
      {
        ...DEFAULT_QUEUE_FILTERS,
        assignee: 'me',
        assigneeRef: 'user:default/ada',
      },
      [],
    );
    expect(query.assigneeRef).toBe('user:default/ada');
    expect(query.assignee).toBeUndefined();
  });

  it('orders by best match only when there are words to match', () => {
    const relevance = { ...DEFAULT_QUEUE_FILTERS, sort: 'relevance' as const };
    expect(queryOfFilters(relevance, []).sort).toBe('priority');
    expect(queryOfFilters({ ...relevance, text: 'gateway' }, []).sort).toBe(
      'relevance',
    );
  });

  it('pins the open P1 and P2 incidents of the same scope', () => {
    const query = queryOfFilters(
      {
        ...DEFAULT_QUEUE_FILTERS,
        status: 'resolved',
        priority: [4],
        entityRef: 'component:default/payments-api',
        sort: 'newest',
      },
      [],
    );
    expect(pinnedQuery(query)).toEqual({
      ...query,
      status: [...OPEN_INCIDENT_STATUSES],
      priority: [1, 2],
      sort: 'priority',
    });
  });
});
