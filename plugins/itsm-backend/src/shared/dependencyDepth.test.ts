import { ConfigReader } from '@backstage/config';
import { readDependencyDepth } from './dependencyDepth';

describe('readDependencyDepth', () => {
  it('defaults to 3 and reads a configured depth', () => {
    expect(readDependencyDepth(new ConfigReader({}))).toBe(3);
    expect(
      readDependencyDepth(new ConfigReader({ itsm: { dependencyDepth: 5 } })),
    ).toBe(5);
  });

  it.each([0, 11, 2.5])('refuses %s, naming the key', depth => {
    expect(() =>
      readDependencyDepth(
        new ConfigReader({ itsm: { dependencyDepth: depth } }),
      ),
    ).toThrow('itsm.dependencyDepth must be a whole number from 1 to 10');
  });
});
