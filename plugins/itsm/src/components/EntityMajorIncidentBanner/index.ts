export { EntityMajorIncidentBanner } from './EntityMajorIncidentBanner';
