import { Fragment } from 'react';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { ProblemBlastRadius } from '@backstage-itsm/plugin-itsm-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useRecordLinks } from '../shared/useRecordLinks';

const useStyles = makeStyles({
  // The Backstage theme keeps list text on one line; a long list of hurt
  // entities must wrap inside the card.
  text: { whiteSpace: 'normal', overflowWrap: 'break-word' },
});

function incidents(count: number): string {
  return count === 1 ? '1 incident' : `${count} incidents`;
}

/** Problems with the entities they hurt; `showRoot` names where each is rooted. */
export function BlastRadiusList(props: {
  items: ProblemBlastRadius[];
  emptyText: string;
  showRoot?: boolean;
}) {
  const { items, emptyText, showRoot } = props;
  const classes = useStyles();
  const links = useRecordLinks();
  if (items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {items.map(({ problem, affected }) => (
        <ListItem key={problem.id} disableGutters>
          <ListItemText
            className={classes.text}
            primary={
              <>
                <Link to={links.problem(problem.number)}>{problem.number}</Link>{' '}
                {problem.title}
              </>
            }
            secondary={
              <>
                {showRoot && (
                  <>
                    rooted in{' '}
                    {problem.entityRef ? (
                      <EntityRefLink entityRef={problem.entityRef} />
                    ) : (
                      'an entity not identified yet'
                    )}{' '}
                    ·{' '}
                  </>
                )}
                hurts{' '}
                {affected.length === 0
                  ? 'no affected entity recorded'
                  : affected.map((entity, index) => (
                      <Fragment key={entity.entityRef}>
                        {index > 0 && ', '}
                        <EntityRefLink entityRef={entity.entityRef} /> (
                        {incidents(entity.incidentCount)})
                      </Fragment>
                    ))}
              </>
            }
          />
        </ListItem>
      ))}
    </List>
  );
}
