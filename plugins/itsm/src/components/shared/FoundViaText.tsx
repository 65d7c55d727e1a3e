import { Fragment } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Typography from '@material-ui/core/Typography';
import { FoundVia } from '../../api';

/** Where a related record was found: on the entity, or through its dependencies. */
export function FoundViaText(props: { found: FoundVia; what: string }) {
  const { found, what } = props;
  if (found.via === 'entity' || found.path.length < 2) {
    return (
      <Typography variant="caption" color="textSecondary" component="div">
        On the same entity
      </Typography>
    );
  }
  return (
    <Typography variant="caption" color="textSecondary" component="div">
      {`On a dependency of the ${what}: `}
      {found.path.map((ref, index) => (
        <Fragment key={ref}>
          {index > 0 && ' → '}
          <EntityRefLink entityRef={ref} />
        </Fragment>
      ))}
    </Typography>
  );
}
