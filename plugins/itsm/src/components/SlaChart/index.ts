export { SlaChart, formatShare } from './SlaChart';
