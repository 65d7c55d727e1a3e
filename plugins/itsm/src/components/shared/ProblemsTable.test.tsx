import { screen, within } from '@testing-library/react';
import { problem } from '../../__testUtils__/fixtures';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { ProblemsTable } from './ProblemsTable';

jest.setTimeout(30_000);

describe('ProblemsTable', () => {
  it('keeps words whole and gives the title the room the narrow columns leave', async () => {
    await renderWithItsm(
      <ProblemsTable
        title="Problems"
        problems={[problem({})]}
        showAffected
        showRootCause
      />,
    );
    const row = screen
      .getByText('Connection pool exhausted at peak')
      .closest('tr')!;
    const headers = screen.getAllByRole('columnheader');
    const header = (name: string) => headers.find(h => h.textContent === name)!;
    for (const name of ['Number', 'Priority', 'Incidents', 'Age']) {
      expect(header(name)).toHaveStyle({ width: '1%', whiteSpace: 'nowrap' });
    }
    expect(header('Title').style.width).not.toBe('1%');
    for (const cell of within(row).getAllByRole('cell')) {
      expect(cell).toHaveStyle({ wordBreak: 'normal' });
    }
  });
});
