export { AffectedEntitiesCard } from './AffectedEntitiesCard';
export { MajorIncidentBadge } from './MajorIncidentBadge';
export { MajorIncidentCard } from './MajorIncidentCard';
export { PostmortemList } from './PostmortemList';
export { PostmortemReview } from './PostmortemReview';
