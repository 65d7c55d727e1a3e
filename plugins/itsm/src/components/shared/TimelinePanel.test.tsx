import { renderInTestApp } from '@backstage/test-utils';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { NewNote } from '../../api';
import { TimelinePanel } from './TimelinePanel';

jest.setTimeout(30_000);

describe('TimelinePanel', () => {
  it('goes back to an internal note after each public status update', async () => {
    const posted: NewNote[] = [];
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
});
