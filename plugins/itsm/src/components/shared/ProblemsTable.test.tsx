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

  it('folds the priority into the title and the age under the number on screens narrower than 1280 px', async () => {
    const matchMedia = window.matchMedia;
    // What a 1024 px wide browser answers to the theme's "below lg" query.
    window.matchMedia = (query: string) =>
      ({
        matches: query.includes('max-width:1279.95px'),
        media: query,
        addListener: () => {},
        removeListener: () => {},
        addEventListener: () => {},
        removeEventListener: () => {},
      } as unknown as MediaQueryList);
    try {
      await renderWithItsm(
        <ProblemsTable
          title="Problems"
          problems={[problem({ createdAt: new Date().toISOString() })]}
          showAffected
          showRootCause
        />,
      );
      const headers = screen
        .getAllByRole('columnheader')
        .map(h => h.textContent);
      expect(headers).toEqual([
        'Number',
        'Title',
        'Status',
        'Root cause in',
        'Services hurt',
        'Incidents',
      ]);
      const row = screen
        .getByText('Connection pool exhausted at peak')
        .closest('tr')!;
      expect(within(row).getByText('P3 moderate')).toBeInTheDocument();
      expect(within(row).getByText('0m old')).toBeInTheDocument();
    } finally {
      window.matchMedia = matchMedia;
    }
  });
});
