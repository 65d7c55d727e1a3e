import {
  ITSM_SEARCH_TYPES,
  ItsmSearchDocument,
  ItsmSearchType,
} from '@backstage-itsm/plugin-itsm-common';
import { Link } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import ListItem from '@material-ui/core/ListItem';
import ListItemIcon from '@material-ui/core/ListItemIcon';
import ListItemText from '@material-ui/core/ListItemText';
import { ReactNode } from 'react';
import {
  INCIDENT_STATUS_LABELS,
  PROBLEM_STATUS_LABELS,
} from '../shared/labels';
import { PriorityChip } from '../shared/PriorityChip';

const TYPE_NAMES: Record<ItsmSearchType, string> = {
  [ITSM_SEARCH_TYPES.incidents]: 'Incident',
  [ITSM_SEARCH_TYPES.problems]: 'Problem',
  [ITSM_SEARCH_TYPES['known-errors']]: 'Known error',
  [ITSM_SEARCH_TYPES.postmortems]: 'Postmortem',
};

function statusLabel(status: string): string {
  return (
    (INCIDENT_STATUS_LABELS as Record<string, string>)[status] ??
    (PROBLEM_STATUS_LABELS as Record<string, string>)[status] ??
    status
  );
}

function highlighted(
  field: 'title' | 'text',
  document: ItsmSearchDocument,
  highlight?: ResultHighlight,
): ReactNode {
  const fragment = highlight?.fields?.[field];
  return fragment ? (
    <HighlightedSearchResultText
      text={fragment}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  ) : (
    document[field]
  );
}

/**
 * A search result of an incident, problem, known error or postmortem: its
 * title linking to the record, the matching words, and its number,
 * priority, status and entity.
 */
export function ItsmSearchResultListItem(props: {
  /** A document of one of the ITSM search types (see isItsmSearchResult). */
  result?: SearchDocument;
  highlight?: ResultHighlight;
  rank?: number;
  icon?: ReactNode;
}) {
  const { highlight, icon } = props;
  const result = props.result as ItsmSearchDocument | undefined;
  if (!result) {
    return null;
  }
  const typeName = TYPE_NAMES[result.documentType];
  return (
    <ListItem alignItems="flex-start" divider>
      {icon && <ListItemIcon>{icon}</ListItemIcon>}
      <Box flexGrow={1}>
        <ListItemText
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link to={result.location}>
              {highlighted('title', result, highlight)}
            </Link>
          }
          secondary={highlighted('text', result, highlight)}
        />
        <Box display="flex" flexWrap="wrap" alignItems="center" gridGap={8}>
          {typeName && (
            <Chip size="small" variant="outlined" label={typeName} />
          )}
          <Chip size="small" label={result.number} />
          <PriorityChip priority={result.priority} />
          <Chip
            size="small"
            variant="outlined"
            label={statusLabel(result.status)}
          />
          {result.entityRef && <EntityRefLink entityRef={result.entityRef} />}
        </Box>
      </Box>
    </ListItem>
  );
}
