export { SlaClocks } from './SlaClocks';
export { SlaIndicator } from './SlaIndicator';
