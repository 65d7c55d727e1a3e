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

/** Conditions a permission policy can put on incident permissions. */
export const itsmIncidentConditions = incidentExports.conditions;
/** Builds a conditional decision on an incident permission. */
export const createItsmIncidentConditionalDecision =
  incidentExports.createConditionalDecision;
/** Conditions a permission policy can put on problem permissions. */
export const itsmProblemConditions = problemExports.conditions;
/** Builds a conditional decision on a problem permission. */
export const createItsmProblemConditionalDecision =
  problemExports.createConditionalDecision;
