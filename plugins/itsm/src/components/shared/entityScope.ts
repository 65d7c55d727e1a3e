import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * How the records of an entity page are asked for: a system covers the
 * entities part of it, a group the entities it owns, others only themselves.
 */
export function entityScope(
  entity: Entity,
):
  | { kind: 'system'; query: { systemRef: string } }
  | { kind: 'group'; query: { groupRef: string } }
  | { kind: 'entity'; query: { entityRef: string } } {
  const ref = stringifyEntityRef(entity);
  switch (entity.kind.toLocaleLowerCase('en-US')) {
    case 'system':
      return { kind: 'system', query: { systemRef: ref } };
    case 'group':
      return { kind: 'group', query: { groupRef: ref } };
    default:
      return { kind: 'entity', query: { entityRef: ref } };
  }
}
