import { createConditionExports } from '@backstage/plugin-permission-node';
import { incidentRules, problemRules } from './rules';
import { incidentResourceRef, problemResourceRef } from './resources';

const incidentExports = createConditionExports({
  resourceRef: incidentResourceRef,
  rules: incidentRules,
});

const problemExports = createConditionExports({
  resourceRef: problemResourceRef,
  rules: problemRules,
});

/**
 * Conditions a permission policy can put on incident permissions.
 *
 * @public
 */
export const itsmIncidentConditions = incidentExports.conditions;
/**
 * Builds a conditional decision on an incident permission.
 *
 * @public
 */
export const createItsmIncidentConditionalDecision =
  incidentExports.createConditionalDecision;
/**
 * Conditions a permission policy can put on problem permissions.
 *
 * @public
 */
export const itsmProblemConditions = problemExports.conditions;
/**
 * Builds a conditional decision on a problem permission.
 *
 * @public
 */
export const createItsmProblemConditionalDecision =
  problemExports.createConditionalDecision;
