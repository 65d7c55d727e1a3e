import {
  AuthService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { Knex } from 'knex';
import { readPriorityMatrix } from '../../shared/priorityMatrix';
import { readDetectionConfig } from './detectionConfig';
import { ProblemDetector } from './ProblemDetector';

/** Id of the scheduled task; the scheduler runs it on one instance at a time. */
export const PROBLEM_DETECTION_TASK_ID = 'itsm-problem-detection';

/**
 * Validates `itsm.detection` right away, so a bad rule fails start-up, and
 * returns the step that schedules detection once the schema is migrated.
 */
export function prepareProblemDetection(options: {
  config: Config;
  knex: Knex;
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): () => Promise<void> {
  const config = readDetectionConfig(options.config);
  return async () => {
    if (!config.enabled) {
      return;
    }
    const logger = options.logger.child({ task: PROBLEM_DETECTION_TASK_ID });
    const detector = new ProblemDetector({
      db: options.knex,
      catalog: options.catalog,
      auth: options.auth,
      logger,
      config,
      priorityMatrix: readPriorityMatrix(options.config),
    });
    await options.scheduler.scheduleTask({
      id: PROBLEM_DETECTION_TASK_ID,
      scope: 'global',
      frequency: config.frequency,
      timeout: { minutes: 10 },
      initialDelay: { seconds: 30 },
      fn: async () => {
        const summary = await detector.run();
        logger.info('Problem detection finished', summary);
      },
    });
  };
}
