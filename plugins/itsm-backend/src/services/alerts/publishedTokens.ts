import { RootConfigService } from '@backstage/backend-plugin-api';

/** Static tokens this project publishes for its demo and tests. */
export const PUBLISHED_DEMO_TOKENS: readonly string[] = [
  'itsm-demo-alertmanager-token',
  'itsm-demo-mcp-token',
  'itsm-demo-ci-token',
];

/** Where a published token may be used: on a developer's machine and in tests. */
const DEMO_ENVIRONMENTS = ['development', 'test'];

/**
 * Refuses a published demo token among the static external access tokens
 * unless NODE_ENV says development or test. It fails closed: a backend
 * started without NODE_ENV, or as staging, may be as reachable as production,
 * and anyone who read the README could post alerts to it or act through MCP.
 */
export function refuseDemoTokens(options: {
  config: RootConfigService;
  nodeEnv: string | undefined;
}): void {
  const { config, nodeEnv } = options;
  if (nodeEnv && DEMO_ENVIRONMENTS.includes(nodeEnv)) {
    return;
  }
  const entries =
    config.getOptionalConfigArray('backend.auth.externalAccess') ?? [];
  entries.forEach((entry, index) => {
    const token =
      entry.getOptionalString('type') === 'static'
        ? entry.getOptionalString('options.token')
        : undefined;
    if (token && PUBLISHED_DEMO_TOKENS.includes(token)) {
      throw new Error(
        `Refusing to start: backend.auth.externalAccess[${index}].options.token is the published demo token '${token}', ` +
          `which anyone who read this project's documentation can use. Take the token from a secret ` +
          `(token: \${ITSM_ALERTMANAGER_TOKEN} or \${ITSM_MCP_TOKEN}, as in app-config.production.yaml); demo tokens are accepted ` +
          `only when NODE_ENV is development or test (NODE_ENV is '${
            nodeEnv ?? ''
          }').`,
      );
    }
  });
}
