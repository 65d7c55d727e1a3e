import { ItsmSearchDocument } from '@backstage-itsm/plugin-itsm-common';
import { screen, within } from '@testing-library/react';
import { renderWithItsm } from '../../__testUtils__/renderWithItsm';
import { ItsmSearchResultListItem } from './ItsmSearchResultListItem';
import { isItsmSearchResult } from './isItsmSearchResult';

const knownError: ItsmSearchDocument = {
  documentType: 'itsm-known-error',
  title: 'PRB-000009 Cache evictions',
  text: 'redis-cache evicts hot keys under load',
  location: '/itsm/problems/PRB-000009',
  number: 'PRB-000009',
  priority: 2,
  status: 'known_error',
  entityRef: 'component:default/checkout-api',
  authorization: { resourceRef: '5a1e0e4c-0000-4000-8000-000000000009' },
};

describe('ItsmSearchResultListItem', () => {
  it('links the title to the record and shows type, number, priority, status and entity', async () => {
    await renderWithItsm(<ItsmSearchResultListItem result={knownError} />);
    const link = screen.getByRole('link', {
      name: 'PRB-000009 Cache evictions',
    });
    expect(link).toHaveAttribute('href', '/itsm/problems/PRB-000009');
    expect(
      screen.getByText('redis-cache evicts hot keys under load'),
    ).toBeInTheDocument();
    expect(screen.getByText('Known error')).toBeInTheDocument();
    expect(screen.getByText('PRB-000009')).toBeInTheDocument();
    expect(screen.getByText(/^P2/)).toBeInTheDocument();
    expect(screen.getByText('Known error', { selector: 'span' })).toBeTruthy();
    expect(screen.getByRole('link', { name: /checkout-api/ })).toHaveAttribute(
      'href',
      '/catalog/default/component/checkout-api',
    );
  });

  it('marks the matched words of a highlighted result', async () => {
    const incident: ItsmSearchDocument = {
      ...knownError,
      documentType: 'itsm-incident',
      status: 'in_progress',
      entityRef: '',
    };
    await renderWithItsm(
      <ItsmSearchResultListItem
        result={incident}
        highlight={{
          preTag: '<m>',
          postTag: '</m>',
          fields: { text: 'redis-cache <m>evicts</m> hot keys' },
        }}
      />,
    );
    const mark = screen.getByText('evicts');
    expect(mark.tagName).toBe('MARK');
    expect(screen.getByText('Incident')).toBeInTheDocument();
    expect(screen.getByText('In progress')).toBeInTheDocument();
    expect(
      within(screen.getByRole('listitem')).getAllByRole('link'),
    ).toHaveLength(1);
  });

  it('claims only the ITSM result types', () => {
    const result = (type: string) => ({
      type,
      document: { title: '', text: '', location: '' },
    });
    expect(isItsmSearchResult(result('itsm-postmortem'))).toBe(true);
    expect(isItsmSearchResult(result('software-catalog'))).toBe(false);
    expect(isItsmSearchResult(result('toString'))).toBe(false);
  });
});
