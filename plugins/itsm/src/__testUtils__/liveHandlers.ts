import { http, HttpResponse } from 'msw';
import { BASE_URL } from './fixtures';

/**
 * Answers for the follow, audience and upstream routes that every record
 * view and entity banner calls, for tests about something else: nobody
 * follows, nobody is told, nothing upstream is broken.
 */
export const liveDefaultHandlers = [
  http.get(`${BASE_URL}/:kind/:id/follow`, () =>
    HttpResponse.json({ following: false, followers: 0 }),
  ),
  http.get(`${BASE_URL}/entity-follows`, () =>
    HttpResponse.json({ following: false, followers: 0 }),
  ),
  http.get(`${BASE_URL}/incidents/:id/audience`, () =>
    HttpResponse.json({ recipients: [] }),
  ),
  http.get(`${BASE_URL}/entities/upstream-incidents`, () =>
    HttpResponse.json({ items: [] }),
  ),
];
