import { linkIncidentBody } from '@backstage-itsm/plugin-itsm-common';
import { Caller } from '../shared/caller';
import { createTestServices } from './fixtures';

type TestServices = ReturnType<typeof createTestServices>['services'];

/** Resolves an incident still at version 1 with a workaround. */
export function resolveWithWorkaround(
  services: TestServices,
  incidentId: string,
  caller: Caller,
) {
  return services.incidents.transition({
    idOrNumber: incidentId,
    input: {
      version: 1,
      to: 'resolved',
      resolutionCode: 'workaround',
      resolutionNotes: 'Restarted',
    },
    caller,
  });
}

/** Links an incident to a problem with no further input. */
export function linkToProblem(
  services: TestServices,
  problemIdOrNumber: string,
  incidentIdOrNumber: string,
  caller: Caller,
) {
  return services.problemLinks.link({
    problemIdOrNumber,
    incidentIdOrNumber,
    input: linkIncidentBody.parse({}),
    caller,
  });
}
