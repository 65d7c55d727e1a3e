import { screen } from '@testing-library/react';
import { incident } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { formatTime } from '../shared/formatTime';
import { IncidentDetails } from './IncidentDetails';

jest.setTimeout(30_000);

const alice = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'alice.nguyen', namespace: 'default' },
  spec: { profile: { displayName: 'Alice Nguyen' } },
};

describe('IncidentDetails', () => {
  it('names the alert sender that reported an incident without a link to the catalog', async () => {
    await renderWithItsm(
      <IncidentDetails
        incident={incident({
          source: 'alertmanager',
          reporterRef: 'service:alertmanager',
          assigneeRef: 'user:default/alice.nguyen',
        })}
      />,
      { catalogEntities: [alice] },
    );
    expect(
      await screen.findByText('alertmanager (service)'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /alertmanager/ })).toBeNull();
    expect(
      await screen.findByRole('link', { name: /Alice Nguyen/ }),
    ).toBeInTheDocument();
  });

  it('shows times in the notes in the reader’s locale', async () => {
    await renderWithItsm(
      <IncidentDetails
        incident={incident({
          status: 'resolved',
          resolutionCode: 'resolved_by_caller',
          resolutionNotes:
            'Resolved automatically: the alert resolved at 2026-11-10T09:30:00.000Z',
        })}
      />,
    );
    expect(
      await screen.findByText(
        `Resolved automatically: the alert resolved at ${formatTime(
          '2026-11-10T09:30:00.000Z',
        )}`,
      ),
    ).toBeInTheDocument();
  });
});
