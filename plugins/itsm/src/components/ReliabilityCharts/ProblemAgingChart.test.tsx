import { renderInTestApp } from '@backstage/test-utils';
import { AgedProblem } from '@backstage-itsm/plugin-itsm-common';
import { ProblemAgingChart } from './ProblemAgingChart';

jest.setTimeout(30_000);

class ResizeObserverStub {
  observe() {}
  unobserve() {}
  disconnect() {}
}

function aged(index: number): AgedProblem {
  return {
    id: `id-${index}`,
    number: `PRB-${String(index).padStart(6, '0')}`,
    title: `Problem ${index}`,
    status: 'assess',
    priority: 3,
    entityRef: null,
    knownError: false,
    createdAt: '2026-10-02T00:00:00.000Z',
    ageMs: index * 86_400_000,
  };
}

/** The height of the nearest element sized in pixels, as a browser lays it out. */
function framedHeight(from: HTMLElement): number {
  let element: HTMLElement | null = from;
  while (element && !element.style.height.endsWith('px')) {
    element = element.parentElement;
  }
  return element ? parseFloat(element.style.height) : 0;
}

describe('ProblemAgingChart', () => {
  beforeAll(() => {
    (global as any).ResizeObserver = ResizeObserverStub;
    // jsdom does not lay out: give the chart the height its frame asks for,
    // and labels the size they take in the browser, so that recharts drops
    // the labels that would not fit, as it does there.
    jest
      .spyOn(HTMLElement.prototype, 'getBoundingClientRect')
      .mockImplementation(function size(this: HTMLElement) {
        if (this.id === 'recharts_measurement_span') {
          return { width: 70, height: 16 } as DOMRect;
        }
        return { width: 500, height: framedHeight(this) } as DOMRect;
      });
  });

  afterAll(() => jest.restoreAllMocks());

  it('labels every bar, however many problems are open', async () => {
    const problems = Array.from({ length: 13 }, (_, i) => aged(i + 1));
    const { container } = await renderInTestApp(
      <ProblemAgingChart problems={problems} />,
    );
    const labels = [
      ...container.querySelectorAll(
        '.recharts-yAxis .recharts-cartesian-axis-tick-value',
      ),
    ].map(label => label.textContent);
    expect(labels).toEqual(problems.map(p => p.number));
  });
});
