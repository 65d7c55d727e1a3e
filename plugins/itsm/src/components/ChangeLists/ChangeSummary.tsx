import { Link } from '@backstage/core-components';
import { ChangeEvent } from '@backstage-itsm/plugin-itsm-common';
import Typography from '@material-ui/core/Typography';

const KIND_LABELS: Record<ChangeEvent['kind'], string> = {
  deploy: 'Deploy',
  config: 'Config',
  feature_flag: 'Feature flag',
  migration: 'Migration',
  other: 'Change',
};

/** A change in one line: kind, summary, version, author and links. */
export function ChangeSummary(props: { change: ChangeEvent }) {
  const { change } = props;
  return (
    <Typography variant="body2">
      <strong>{KIND_LABELS[change.kind]}</strong> {change.summary}
      {change.version &&
        !change.summary.includes(change.version) &&
        ` · ${change.version}`}
      {change.author && ` · by ${change.author}`}
      {change.links.map(link => (
        <span key={link.href}>
          {' · '}
          <Link to={link.href}>{link.text ?? 'link'}</Link>
        </span>
      ))}
    </Typography>
  );
}

/** The kind of a change in lower case, for sentences: "a deploy". */
export function kindInWords(kind: ChangeEvent['kind']): string {
  return kind === 'feature_flag'
    ? 'feature flag change'
    : KIND_LABELS[kind].toLocaleLowerCase('en-US');
}
