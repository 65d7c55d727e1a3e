import { useState } from 'react';
import {
  DEFAULT_NAMESPACE,
  Entity,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import {
  catalogApiRef,
  defaultEntityPresentation,
} from '@backstage/plugin-catalog-react';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import useAsync from 'react-use/esm/useAsync';

interface Option {
  ref: string;
  label: string;
  secondary: string;
}

/**
 * An entity by its title or display name, with its name when that differs
 * and its kind when the picker offers several.
 */
function toOption(entity: Entity, showKind: boolean): Option {
  const { namespace = DEFAULT_NAMESPACE, name } = entity.metadata;
  const label = defaultEntityPresentation(entity).primaryTitle;
  const shortName =
    namespace === DEFAULT_NAMESPACE ? name : `${namespace}/${name}`;
  return {
    ref: stringifyEntityRef(entity),
    label,
    secondary: [
      label === shortName ? undefined : shortName,
      showKind ? entity.kind.toLocaleLowerCase('en-US') : undefined,
    ]
      .filter(Boolean)
      .join(' · '),
  };
}

/** Picks one catalog entity of the given kinds, searching by name or title. */
export function CatalogEntityPicker(props: {
  label: string;
  kinds: string[];
  value: string | null;
  onChange: (ref: string | null) => void;
  size?: 'small' | 'medium';
  helperText?: string;
  disabled?: boolean;
}) {
  const catalogApi = useApi(catalogApiRef);
  const [open, setOpen] = useState(false);
  const entities = useAsync(async () => {
    if (!open && !props.value) {
      return [];
    }
    const response = await catalogApi.getEntities({
      filter: { kind: props.kinds },
      fields: [
        'kind',
        'metadata.name',
        'metadata.namespace',
        'metadata.title',
        'spec.profile.displayName',
      ],
    });
    return response.items.map(entity =>
      toOption(entity, props.kinds.length > 1),
    );
  }, [catalogApi, open, props.kinds.join(',')]);

  const options = entities.value ?? [];
  const selected =
    options.find(option => option.ref === props.value) ??
    (props.value
      ? {
          ref: props.value,
          label: defaultEntityPresentation(props.value).primaryTitle,
          secondary: '',
        }
      : null);

  return (
    <Autocomplete<Option>
      open={open}
      onOpen={() => setOpen(true)}
      onClose={() => setOpen(false)}
      options={options}
      loading={entities.loading}
      value={selected}
      disabled={props.disabled}
      getOptionLabel={option => option.label}
      getOptionSelected={(option, value) => option.ref === value.ref}
      onChange={(_event, option) => props.onChange(option?.ref ?? null)}
      renderOption={option => (
        <span>
          {option.label}{' '}
          <small style={{ opacity: 0.7 }}>{option.secondary}</small>
        </span>
      )}
      renderInput={params => (
        <TextField
          {...params}
          label={props.label}
          variant="outlined"
          size={props.size}
          helperText={props.helperText}
        />
      )}
    />
  );
}
