import { screen } from '@testing-library/react';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { PrincipalRef } from './PrincipalRef';

jest.setTimeout(30_000);

const alice = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'alice.nguyen', namespace: 'default' },
  spec: { profile: { displayName: 'Alice Nguyen' } },
};

describe('PrincipalRef', () => {
  it('links a user of the catalog by display name', async () => {
    await renderWithItsm(
      <PrincipalRef entityRef="user:default/alice.nguyen" />,
      {
        catalogEntities: [alice],
      },
    );
    expect(
      await screen.findByRole('link', { name: /Alice Nguyen/ }),
    ).toHaveAttribute('href', '/catalog/default/user/alice.nguyen');
  });

  it.each([
    ['service:alertmanager', 'alertmanager (service)'],
    ['external:alertmanager', 'alertmanager (service)'],
  ])('names the service %s without a link', async (ref, text) => {
    await renderWithItsm(<PrincipalRef entityRef={ref} />, {
      catalogEntities: [alice],
    });
    expect(await screen.findByText(text)).toBeInTheDocument();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('names a user the catalog does not know without a link', async () => {
    await renderWithItsm(
      <PrincipalRef entityRef="user:default/left.company" />,
      {
        catalogEntities: [alice],
      },
    );
    expect(await screen.findByText('left.company')).toBeInTheDocument();
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(screen.queryByRole('link')).toBeNull();
  });
});
