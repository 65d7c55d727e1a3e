export { EntityItsmOverviewCard } from './EntityItsmOverviewCard';
