import { POSTMORTEM_STATUSES } from '../majorIncidents';
import { LIMITS } from '../constants';
import { z } from 'zod';
import { entityRefText, oneOf, pageQuery, queryList, version } from './fields';

/**
 * Body of `PUT /incidents/:id/major-incident`: declares the incident a
 * major incident (if it is not yet) and sets its roles; null clears a role.
 *
 * @public
 */
export const majorIncidentBody = z
  .object({
    version,
    commanderRef: entityRefText.nullable().optional(),
    communicationsLeadRef: entityRefText.nullable().optional(),
  })
  .strict();

/**
 * A declaration of a major incident with its roles, as a client sends it.
 *
 * @public
 */
export type MajorIncidentRequest = z.input<typeof majorIncidentBody>;

/**
 * Body of `PUT /incidents/:id/affected-entities`: the whole list of the
 * entities the incident affects besides its primary entity.
 *
 * @public
 */
export const affectedEntitiesBody = z
  .object({
    version,
    entityRefs: z
      .array(entityRefText, { error: 'must be an array of entity refs' })
      .max(
        LIMITS.affectedEntityRefs,
        `must have at most ${LIMITS.affectedEntityRefs} entries`,
      ),
  })
  .strict();

/**
 * The affected entities of an incident, as a client sends them.
 *
 * @public
 */
export type AffectedEntitiesRequest = z.input<typeof affectedEntitiesBody>;

/**
 * Body of `POST /incidents/:id/postmortem/status`.
 *
 * @public
 */
export const postmortemStatusBody = z
  .object({ version, to: oneOf(POSTMORTEM_STATUSES) })
  .strict();

/**
 * A move of a postmortem through its review, as a client sends it.
 *
 * @public
 */
export type PostmortemStatusRequest = z.input<typeof postmortemStatusBody>;

/**
 * Query of `GET /postmortems`.
 *
 * @public
 */
export const listPostmortemsQuery = z
  .object({
    status: queryList(oneOf(POSTMORTEM_STATUSES)),
    limit: pageQuery.limit,
    cursor: pageQuery.cursor,
  })
  .strict();

/**
 * Filters and page of the postmortem list, as a client asks for them.
 *
 * @public
 */
export type ListPostmortemsRequest = z.input<typeof listPostmortemsQuery>;
