import { useState } from 'react';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { CatalogEntityPicker } from '../shared/CatalogEntityPicker';

const AFFECTABLE_KINDS = ['Component', 'Resource', 'System', 'API'];

/** The services a problem hurts: each removable, more added from the catalog. */
export function AffectedEntitiesEditor(props: {
  value: string[];
  onChange: (refs: string[]) => void;
}) {
  const { value, onChange } = props;
  // Remounting the picker after each pick leaves it empty for the next one.
  const [picks, setPicks] = useState(0);
  return (
    <Box>
      <Typography variant="caption" color="textSecondary" component="div">
        Affected services
      </Typography>
      <Box
        display="flex"
        flexWrap="wrap"
        gridGap={8}
        my={1}
        role="list"
        aria-label="Affected services"
      >
        {value.length === 0 && (
          <Typography variant="body2" color="textSecondary">
            None yet
          </Typography>
        )}
        {value.map(ref => (
          <Chip
            key={ref}
            role="listitem"
            size="small"
            label={<EntityRefLink entityRef={ref} />}
            onDelete={() => onChange(value.filter(other => other !== ref))}
            deleteIcon={<span aria-label={`Remove ${ref}`}>✕</span>}
          />
        ))}
      </Box>
      <CatalogEntityPicker
        key={picks}
        label="Add an affected service"
        kinds={AFFECTABLE_KINDS}
        value={null}
        size="small"
        onChange={ref => {
          if (ref && !value.includes(ref)) {
            onChange([...value, ref]);
          }
          setPicks(n => n + 1);
        }}
      />
    </Box>
  );
}
