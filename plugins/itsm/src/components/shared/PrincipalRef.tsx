import {
  CompoundEntityRef,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityDisplayName,
  EntityRefLink,
  catalogApiRef,
} from '@backstage/plugin-catalog-react';
import useAsync from 'react-use/esm/useAsync';
import { catalogHasEntity } from './catalogPresence';

// Backstage principals that are never catalog entities: alert senders and
// other callers with service or external access tokens.
const SERVICE_KINDS = ['service', 'external'];

function parse(ref: string, defaultKind: string): CompoundEntityRef | null {
  try {
    return parseEntityRef(ref, { defaultKind, defaultNamespace: 'default' });
  } catch {
    return null;
  }
}

/**
 * Who did something (a reporter, an assignee, an actor, an owner): a link to
 * their catalog page when the catalog knows them, their name as plain text
 * otherwise, so that no link leads to a catalog 404.
 */
export function PrincipalRef(props: {
  entityRef: string;
  defaultKind?: string;
}) {
  const { entityRef, defaultKind = 'user' } = props;
  const catalogApi = useApi(catalogApiRef);
  const compound = parse(entityRef, defaultKind);
  const isService =
    !!compound &&
    SERVICE_KINDS.includes(compound.kind.toLocaleLowerCase('en-US'));
  const fullRef = compound ? stringifyEntityRef(compound) : entityRef;
  const inCatalog = useAsync(
    async () =>
      !!compound && !isService && catalogHasEntity(catalogApi, fullRef),
    [catalogApi, fullRef, isService],
  );

  if (!compound) {
    return <>{entityRef}</>;
  }
  if (isService) {
    return <>{`${compound.name} (service)`}</>;
  }
  if (inCatalog.value) {
    return <EntityRefLink entityRef={fullRef} defaultKind={defaultKind} />;
  }
  return (
    <EntityDisplayName
      entityRef={fullRef}
      defaultKind={defaultKind}
      hideIcon
      disableTooltip
    />
  );
}
