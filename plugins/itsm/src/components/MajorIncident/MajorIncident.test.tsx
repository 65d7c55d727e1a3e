import { registerMswTestHooks } from '@backstage/test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  Postmortem,
  PostmortemListItem,
} from '@backstage-itsm/plugin-itsm-common';
import { BASE_URL, incident } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { AffectedEntitiesCard } from './AffectedEntitiesCard';
import { MajorIncidentCard } from './MajorIncidentCard';
import { PostmortemList } from './PostmortemList';
import { PostmortemReview } from './PostmortemReview';

jest.setTimeout(60_000);

const catalogEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'raj.patel', namespace: 'default' },
    spec: { profile: { displayName: 'Raj Patel' } },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'mia.chen', namespace: 'default' },
    spec: { profile: { displayName: 'Mia Chen' } },
  },
];

function postmortem(overrides: Partial<Postmortem> = {}): Postmortem {
  return {
    incidentId: '11111111-1111-4111-8111-111111111111',
    summary: 'Pool ran dry',
    impact: '',
    rootCause: '',
    lessonsLearned: '',
    status: 'draft',
    createdAt: '2026-11-10T09:00:00Z',
    updatedAt: '2026-11-10T09:00:00Z',
    version: 3,
    ...overrides,
  };
}

function listItem(
  overrides: Partial<PostmortemListItem> = {},
): PostmortemListItem {
  return {
    incidentId: '11111111-1111-4111-8111-111111111111',
    incidentNumber: 'INC-000007',
    incidentTitle: 'Checkout down for everyone',
    entityRef: 'component:default/checkout-api',
    priority: 1,
    major: true,
    commanderRef: 'user:default/raj.patel',
    status: 'in_review',
    createdAt: '2026-11-10T09:00:00Z',
    updatedAt: '2026-11-11T09:00:00Z',
    ...overrides,
  };
}

describe('major incidents in the frontend', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('declares a major incident with a commander and a communications lead', async () => {
    let sent: unknown;
    server.use(
      http.put(
        `${BASE_URL}/incidents/:id/major-incident`,
        async ({ request }) => {
          sent = await request.json();
          return HttpResponse.json(incident({ major: true }));
        },
      ),
    );
    const onChanged = jest.fn();
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(
      <MajorIncidentCard
        incident={incident({ version: 4 })}
        canEdit
        onChanged={onChanged}
      />,
      { catalogEntities },
    );
    expect(screen.getByText(/Not declared/)).toBeInTheDocument();
    await user.click(
      screen.getByRole('button', { name: 'Declare major incident' }),
    );
    const dialog = await screen.findByRole('dialog');
    await user.click(
      within(dialog).getByRole('textbox', { name: 'Incident commander' }),
    );
    await user.click(await screen.findByRole('option', { name: /Raj Patel/ }));
    await user.click(
      within(dialog).getByRole('textbox', { name: 'Communications lead' }),
    );
    await user.click(await screen.findByRole('option', { name: /Mia Chen/ }));
    await user.click(
      within(dialog).getByRole('button', { name: 'Declare major incident' }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent).toEqual({
      version: 4,
      commanderRef: 'user:default/raj.patel',
      communicationsLeadRef: 'user:default/mia.chen',
    });
  });

  it('shows the roles of a declared major incident, and no button to whoever may not edit', async () => {
    await renderWithItsm(
      <MajorIncidentCard
        incident={incident({
          major: true,
          declaredAt: '2026-11-10T09:05:00Z',
          commanderRef: 'user:default/raj.patel',
          communicationsLeadRef: null,
        })}
        canEdit={false}
        onChanged={() => {}}
      />,
      { catalogEntities },
    );
    expect(await screen.findByText('Raj Patel')).toBeInTheDocument();
    expect(screen.getByText('Not named')).toBeInTheDocument();
    expect(
      screen.getByText(/Closing it needs a postmortem/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('removes an affected entity with the incident version', async () => {
    let sent: unknown;
    server.use(
      http.get(`${BASE_URL}/incidents/:id/affected-entities`, () =>
        HttpResponse.json({
          incidentId: 'i',
          entityRefs: [
            'component:default/payments-api',
            'resource:default/orders-db',
          ],
        }),
      ),
      http.put(
        `${BASE_URL}/incidents/:id/affected-entities`,
        async ({ request }) => {
          sent = await request.json();
          return HttpResponse.json(incident());
        },
      ),
    );
    const onChanged = jest.fn();
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(
      <AffectedEntitiesCard
        incident={incident({ version: 2 })}
        canEdit
        revision={0}
        onChanged={onChanged}
      />,
    );
    await user.click(
      await screen.findByRole('button', {
        name: 'Remove component:default/payments-api',
      }),
    );
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(sent).toEqual({
      version: 2,
      entityRefs: ['resource:default/orders-db'],
    });
  });

  it('shows why the backend refused an affected entity', async () => {
    server.use(
      http.get(`${BASE_URL}/incidents/:id/affected-entities`, () =>
        HttpResponse.json({
          incidentId: 'i',
          entityRefs: ['component:default/payments-api'],
        }),
      ),
      http.put(`${BASE_URL}/incidents/:id/affected-entities`, () =>
        HttpResponse.json(
          {
            error: {
              name: 'InputError',
              message:
                "entityRefs[0]: entity 'component:default/payments-api' does not exist in the catalog",
            },
          },
          { status: 400 },
        ),
      ),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(
      <AffectedEntitiesCard
        incident={incident()}
        canEdit
        revision={0}
        onChanged={() => {}}
      />,
    );
    await user.click(
      await screen.findByRole('button', {
        name: 'Remove component:default/payments-api',
      }),
    );
    expect(
      await screen.findByText(/does not exist in the catalog/),
    ).toBeInTheDocument();
  });

  it('offers the moves of a postmortem in review and sends the one chosen', async () => {
    let sent: unknown;
    server.use(
      http.post(
        `${BASE_URL}/incidents/:id/postmortem/status`,
        async ({ request }) => {
          sent = await request.json();
          return HttpResponse.json(postmortem({ status: 'published' }));
        },
      ),
    );
    const onMoved = jest.fn();
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(
      <PostmortemReview
        postmortem={postmortem({ status: 'in_review' })}
        canEdit
        onMoved={onMoved}
      />,
    );
    expect(screen.getByText('In review')).toBeInTheDocument();
    expect(
      screen.getAllByRole('button').map(button => button.textContent),
    ).toEqual(['Back to draft', 'Publish']);
    await user.click(screen.getByRole('button', { name: 'Publish' }));
    await waitFor(() => expect(onMoved).toHaveBeenCalled());
    expect(sent).toEqual({ version: 3, to: 'published' });
  });

  it('lists postmortems and filters them by review status', async () => {
    const queries: URLSearchParams[] = [];
    server.use(
      http.get(`${BASE_URL}/postmortems`, ({ request }) => {
        const query = new URL(request.url).searchParams;
        queries.push(query);
        const items =
          query.get('status') === 'published'
            ? [
                listItem({
                  incidentNumber: 'INC-000003',
                  incidentTitle: 'Search slow',
                  status: 'published',
                  major: false,
                  commanderRef: null,
                }),
              ]
            : [listItem()];
        return HttpResponse.json({ items, nextCursor: null });
      }),
    );
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(<PostmortemList />, { catalogEntities });
    expect(
      await screen.findByText('Checkout down for everyone'),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'INC-000007' })).toHaveAttribute(
      'href',
      '/itsm/incidents/INC-000007',
    );
    expect(screen.getByText('Raj Patel')).toBeInTheDocument();
    expect(queries[0].has('status')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Published' }));
    expect(await screen.findByText('Search slow')).toBeInTheDocument();
    expect(screen.queryByText('Checkout down for everyone')).toBeNull();
    expect(queries[queries.length - 1].getAll('status')).toEqual(['published']);
  });
});
