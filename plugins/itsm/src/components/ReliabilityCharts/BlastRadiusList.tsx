import { ProblemBlastRadius } from '@backstage-itsm/plugin-itsm-common';
import List from '@material-ui/core/List';
import ListItem from '@material-ui/core/ListItem';
import ListItemText from '@material-ui/core/ListItemText';
import Typography from '@material-ui/core/Typography';

/** Problems with the entities they hurt; `showRoot` names where each is rooted. */
export function BlastRadiusList(props: {
  items: ProblemBlastRadius[];
  emptyText: string;
  showRoot?: boolean;
}) {
  const { items, emptyText, showRoot } = props;
  if (items.length === 0) {
    return (
      <Typography variant="body2" color="textSecondary">
        {emptyText}
      </Typography>
    );
  }
  return (
    <List dense disablePadding>
      {items.map(({ problem, affected }) => {
        const hurt = affected.length
          ? affected.map(a => `${a.entityRef} (${a.incidentCount})`).join(', ')
          : 'no affected entity recorded';
        return (
          <ListItem key={problem.id} disableGutters>
            <ListItemText
              primary={`${problem.number} ${problem.title}`}
              secondary={
                showRoot
                  ? `rooted in ${problem.entityRef} · hurts ${hurt}`
                  : `hurts ${hurt}`
              }
            />
          </ListItem>
        );
      })}
    </List>
  );
}
