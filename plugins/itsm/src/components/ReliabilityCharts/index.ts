export { ReliabilityView } from './ReliabilityView';
export type { ReliabilityScope } from './ReliabilityView';
export { IncidentTrendChart } from './IncidentTrendChart';
export { MttrTrendChart } from './MttrTrendChart';
export { FixEffectChart } from './FixEffectChart';
export { ProblemAgingChart } from './ProblemAgingChart';
