import { Entity } from '@backstage/catalog-model';
import { createExtensionTester } from '@backstage/frontend-test-utils';
import {
  EntityCardBlueprint,
  EntityContentBlueprint,
} from '@backstage/plugin-catalog-react/alpha';
import plugin from './alpha';

const KINDS = ['Component', 'Resource', 'System', 'API', 'Group', 'User'];

function kindsShown(
  id: Parameters<typeof plugin.getExtension>[0],
  blueprint: typeof EntityCardBlueprint | typeof EntityContentBlueprint,
): string[] {
  const tester = createExtensionTester(plugin.getExtension(id));
  const filter = tester.get(blueprint.dataRefs.filterFunction);
  return KINDS.filter(kind => {
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind,
      metadata: { name: 'x' },
    };
    return filter?.(entity) ?? false;
  });
}

describe('entity extensions of the New Frontend System', () => {
  const warn = jest.spyOn(console, 'warn');
  afterEach(() => warn.mockClear());
  afterAll(() => warn.mockRestore());

  it.each([
    ['entity-card:itsm/overview', EntityCardBlueprint],
    ['entity-card:itsm/major-incident-banner', EntityCardBlueprint],
  ] as const)(
    '%s shows on components, resources and systems, without deprecated string filters',
    (id, blueprint) => {
      expect(kindsShown(id, blueprint)).toEqual([
        'Component',
        'Resource',
        'System',
      ]);
      expect(warn).not.toHaveBeenCalledWith(
        expect.stringContaining('DEPRECATION'),
      );
    },
  );

  it.each([
    'entity-content:itsm/incidents',
    'entity-content:itsm/problems',
    'entity-content:itsm/reliability',
  ] as const)('shows the %s tab on groups as well', id => {
    expect(kindsShown(id, EntityContentBlueprint)).toEqual([
      'Component',
      'Resource',
      'System',
      'Group',
    ]);
    expect(warn).not.toHaveBeenCalledWith(
      expect.stringContaining('DEPRECATION'),
    );
  });
});
