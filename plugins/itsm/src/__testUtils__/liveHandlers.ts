import { http, HttpResponse } from 'msw';
import { BASE_URL } from './fixtures';

/**
 * Answers for the follow, audience, upstream and change routes that every
 * record view and entity banner calls, for tests about something else:
 * nobody follows, nobody is told, nothing upstream is broken, nothing changed.
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
  http.get(`${BASE_URL}/incidents/:id/changes`, () =>
    HttpResponse.json({ windowMs: 86_400_000, dependencyDepth: 3, items: [] }),
  ),
  http.get(`${BASE_URL}/problems/:id/changes`, () =>
    HttpResponse.json({ windowMs: 1_800_000, totalIncidents: 0, suspects: [] }),
  ),
];
