import { EntityRefLink } from '@backstage/plugin-catalog-react';
import { Problem } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Link from '@material-ui/core/Link';
import Paper from '@material-ui/core/Paper';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import { useRecordLinks } from '../shared/useRecordLinks';
import { rankKnownErrors } from './rankKnownErrors';

const useStyles = makeStyles(theme => ({
  item: {
    padding: theme.spacing(1.5),
    marginBottom: theme.spacing(1),
    borderLeft: `4px solid ${theme.palette.warning.main}`,
  },
  match: {
    borderLeftColor: theme.palette.error.main,
  },
}));

/**
 * Known errors of the entity and its dependencies, those matching what the
 * user is typing first, each with its workaround.
 */
export function KnownErrorSuggestions(props: {
  knownErrors: Problem[];
  typed: string;
}) {
  const classes = useStyles();
  const links = useRecordLinks();
  const ranked = rankKnownErrors(props.knownErrors, props.typed).slice(0, 5);
  if (ranked.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        No known errors on this entity or its dependencies.
      </Typography>
    );
  }
  return (
    <Box aria-label="Known error suggestions" role="region">
      <Typography variant="subtitle2" gutterBottom>
        Known errors that may explain this
      </Typography>
      {ranked.map(({ problem, matches }) => (
        <Paper
          key={problem.id}
          variant="outlined"
          className={`${classes.item} ${matches > 0 ? classes.match : ''}`}
        >
          <Typography variant="body2">
            <Link href={links.problem(problem.number)} target="_blank">
              {problem.number}
            </Link>{' '}
            <strong>{problem.title}</strong>
            {matches > 0 && ' · matches what you typed'}
          </Typography>
          {problem.entityRef && (
            <Typography variant="caption" color="textSecondary">
              Root cause in <EntityRefLink entityRef={problem.entityRef} />
            </Typography>
          )}
          <Typography variant="body2">
            <strong>Workaround:</strong> {problem.workaround}
          </Typography>
        </Paper>
      ))}
    </Box>
  );
}
