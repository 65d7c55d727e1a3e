import {
  Entity,
  RELATION_DEPENDS_ON,
  stringifyEntityRef,
} from '@backstage/catalog-model';

/** The entity and what it depends on, as entity refs: where its known errors may lie. */
export function entityAndDependencyRefs(entity: Entity): string[] {
  const dependencies = (entity.relations ?? [])
    .filter(relation => relation.type === RELATION_DEPENDS_ON)
    .map(relation => relation.targetRef);
  return [stringifyEntityRef(entity), ...new Set(dependencies)];
}
