import { SlaAnalysis, SlaShare } from '@backstage-itsm/plugin-itsm-common';
import Box from '@material-ui/core/Box';
import Table from '@material-ui/core/Table';
import TableBody from '@material-ui/core/TableBody';
import TableCell from '@material-ui/core/TableCell';
import TableHead from '@material-ui/core/TableHead';
import TableRow from '@material-ui/core/TableRow';
import Typography from '@material-ui/core/Typography';
import { Link } from '@backstage/core-components';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { ChartFrame } from '../ReliabilityCharts/ChartFrame';
import { useChartColors } from '../ReliabilityCharts/chartColors';
import { formatWeek } from '../ReliabilityCharts/formatDuration';
import { tooltipProps } from '../ReliabilityCharts/tooltipStyle';

/** A share as a whole percentage with its counts, or a dash when none was decided. */
export function formatShare(share: SlaShare): string {
  return share.share === null
    ? '–'
    : `${Math.round(share.share * 100)}% (${share.met}/${
        share.met + share.breached
      })`;
}

const percent = (share: SlaShare) =>
  share.share === null ? null : Math.round(share.share * 1000) / 10;

/**
 * SLA compliance of a scope: the share of clocks met per week for each
 * target, the shares by priority, and the latest breaches.
 */
export function SlaChart(props: {
  sla: SlaAnalysis;
  incidentLink: (number: string) => string;
}) {
  const { sla, incidentLink } = props;
  const colors = useChartColors();
  const data = sla.weekly.map(week => ({
    week: formatWeek(week.weekStart),
    respond: percent(week.respond),
    resolve: percent(week.resolve),
  }));
  const summary = `Share of SLA targets met per week: ${sla.weekly
    .map(
      week =>
        `${formatWeek(week.weekStart)} respond ${formatShare(
          week.respond,
        )}, resolve ${formatShare(week.resolve)}`,
    )
    .join('; ')}`;
  const decided = sla.byPriority.some(
    p => p.respond.share !== null || p.resolve.share !== null,
  );
  return (
    <Box>
      <ChartFrame
        summary={summary}
        emptyText={
          decided
            ? undefined
            : 'No SLA clock was met or breached in this window.'
        }
      >
        <LineChart data={data}>
          <CartesianGrid stroke={colors.grid} vertical={false} />
          <XAxis
            dataKey="week"
            stroke={colors.text}
            tick={{ fill: colors.text }}
          />
          <YAxis
            stroke={colors.text}
            tick={{ fill: colors.text }}
            unit="%"
            domain={[0, 100]}
          />
          <Tooltip {...tooltipProps(colors)} />
          <Legend />
          <Line
            type="monotone"
            dataKey="respond"
            name="Respond met %"
            stroke={colors.priorities.p3}
            connectNulls
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="resolve"
            name="Resolve met %"
            stroke={colors.line}
            connectNulls
            isAnimationActive={false}
          />
        </LineChart>
      </ChartFrame>
      {sla.byPriority.length > 0 && (
        <Table size="small" aria-label="SLA met by priority">
          <TableHead>
            <TableRow>
              <TableCell>Priority</TableCell>
              <TableCell>Respond met</TableCell>
              <TableCell>Resolve met</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sla.byPriority.map(row => (
              <TableRow key={row.priority}>
                <TableCell>P{row.priority}</TableCell>
                <TableCell>{formatShare(row.respond)}</TableCell>
                <TableCell>{formatShare(row.resolve)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Box mt={2}>
        <Typography variant="subtitle2">Latest breaches</Typography>
        {sla.breaches.length === 0 ? (
          <Typography variant="body2" color="textSecondary">
            No breach in this window.
          </Typography>
        ) : (
          sla.breaches.map(breach => (
            <Typography variant="body2" key={breach.number}>
              <Link to={incidentLink(breach.number)}>{breach.number}</Link> P
              {breach.priority} {breach.title}: missed{' '}
              {breach.targets.join(' and ')}
            </Typography>
          ))
        )}
      </Box>
    </Box>
  );
}
