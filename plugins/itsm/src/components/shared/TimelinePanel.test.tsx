import { renderInTestApp } from '@backstage/test-utils';
import { TimelineEvent } from '@backstage-itsm/plugin-itsm-common';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { NoteRequest } from '@backstage-itsm/plugin-itsm-common';
import { TimelinePanel } from './TimelinePanel';

jest.setTimeout(30_000);

describe('TimelinePanel', () => {
  it('goes back to an internal note after each public status update', async () => {
    const posted: NoteRequest[] = [];
    const user = userEvent.setup({ delay: null });
    await renderInTestApp(
      <TimelinePanel
        timeline={{
          items: [],
          loading: false,
          hasMore: false,
          loadingMore: false,
          loadMore: () => {},
        }}
        onAddNote={async note => posted.push(note)}
      />,
    );

    await user.type(
      screen.getByLabelText('Add to the timeline'),
      'Payments recovering',
    );
    await user.click(screen.getByLabelText('Public status update'));
    await user.click(screen.getByRole('button', { name: 'Post update' }));
    await waitFor(() =>
      expect(posted).toEqual([
        { body: 'Payments recovering', visibility: 'public' },
      ]),
    );

    expect(
      await screen.findByLabelText('Internal note (responders only)'),
    ).toBeChecked();
    expect(screen.getByLabelText('Public status update')).not.toBeChecked();
    await user.type(screen.getByLabelText('Add to the timeline'), 'Next');
    expect(screen.getByRole('button', { name: 'Add note' })).toBeEnabled();
  });

  it('names the people who acted as their catalog pages do, and services as such', async () => {
    const event = (id: string, actorRef: string): TimelineEvent => ({
      id,
      recordType: 'incident',
      recordId: 'x',
      kind: 'note',
      field: null,
      oldValue: null,
      newValue: null,
      body: `Note ${id}`,
      actorRef,
      createdAt: '2026-11-10T09:00:00Z',
    });
    await renderWithItsm(
      <TimelinePanel
        timeline={{
          items: [
            event('1', 'user:default/alice.nguyen'),
            event('2', 'external:alertmanager'),
          ],
          loading: false,
          hasMore: false,
          loadingMore: false,
          loadMore: () => {},
        }}
      />,
      {
        catalogEntities: [
          {
            apiVersion: 'backstage.io/v1alpha1',
            kind: 'User',
            metadata: { name: 'alice.nguyen', namespace: 'default' },
            spec: { profile: { displayName: 'Alice Nguyen' } },
          },
        ],
      },
    );
    expect(
      await screen.findByRole('link', { name: /Alice Nguyen/ }),
    ).toBeInTheDocument();
    expect(screen.getByText(/alertmanager \(service\)/)).toBeInTheDocument();
    expect(screen.queryByText(/alice\.nguyen|external:/)).toBeNull();
  });
});
