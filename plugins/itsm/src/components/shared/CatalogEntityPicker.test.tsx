import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { CatalogEntityPicker } from './CatalogEntityPicker';

jest.setTimeout(30_000);

const catalogEntities = [
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'User',
    metadata: { name: 'raj.patel', namespace: 'default' },
    spec: { profile: { displayName: 'Raj Patel' } },
  },
  {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Group',
    metadata: { name: 'payments-team', namespace: 'default' },
    spec: { type: 'team' },
  },
];

describe('CatalogEntityPicker', () => {
  it('offers people by display name, with their user name and kind beside it', async () => {
    const user = userEvent.setup({ delay: null });
    await renderWithItsm(
      <CatalogEntityPicker
        label="Owner"
        kinds={['User', 'Group']}
        value={null}
        onChange={() => {}}
      />,
      { catalogEntities },
    );
    await user.click(screen.getByRole('textbox', { name: 'Owner' }));
    const options = await screen.findAllByRole('option');
    expect(options.map(option => option.textContent)).toEqual([
      'Raj Patel raj.patel · user',
      'payments-team group',
    ]);
    expect(within(options[0]).queryByText(/user:/)).toBeNull();
  });

  it('shows a chosen person by display name before the list is opened', async () => {
    await renderWithItsm(
      <CatalogEntityPicker
        label="Assignee"
        kinds={['User']}
        value="user:default/raj.patel"
        onChange={() => {}}
      />,
      { catalogEntities },
    );
    expect(await screen.findByDisplayValue('Raj Patel')).toBeInTheDocument();
  });
});
