export { ReliabilityWindow } from './ReliabilityWindow';
