import type { PriorityWeights } from './problemScenarios';

/** Mostly P3, some P2: recurring incidents that sometimes hurt a lot. */
export const P2_P3: PriorityWeights = [
  [2, 3],
  [3, 6],
  [4, 1],
];
/** Mostly P3 and P4: recurring nuisance incidents. */
export const P3_P4: PriorityWeights = [
  [3, 5],
  [4, 4],
  [5, 1],
];
