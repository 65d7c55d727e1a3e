import { stringifyEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { ReliabilityWindow } from '../ReliabilityWindow';

/**
 * Reliability tab of an entity page: its incident and MTTR trends, the
 * effect of fixed problems, problem aging and blast radius. A system covers
 * its parts; a group covers what it owns.
 */
export function EntityReliabilityContent() {
  const { entity } = useEntity();
  const ref = stringifyEntityRef(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  let scope;
  if (kind === 'system') {
    scope = { systemRef: ref };
  } else if (kind === 'group' || kind === 'user') {
    scope = { ownerRef: ref };
  } else {
    scope = { entityRef: ref };
  }
  return <ReliabilityWindow scope={scope} />;
}
