const FEATURES = [
  'actionItems',
  'alerts',
  'analysis',
  'changes',
  'detection',
  'followers',
  'health',
  'incidents',
  'majorIncidents',
  'notifications',
  'postmortems',
  'sla',
  'problems',
  'search',
  'status',
  'summaries',
  'upstream',
];

const ABOVE_THE_STORE = [
  './src/routes',
  './src/actions',
  './src/services',
  './src/shared',
  './src/service',
  './src/demo',
  './src/plugin.ts',
  './src/index.ts',
];

/**
 * Layers run one way: routes -> services -> shared -> database (the store)
 * and permissions. A feature under services/ imports no other feature.
 */
const LAYER_ZONES = [
  {
    target: './src/database',
    from: ABOVE_THE_STORE,
    message: 'The store imports nothing above it; keep its types in database/.',
  },
  {
    target: './src/permissions',
    from: [...ABOVE_THE_STORE, './src/database'],
    message: 'Permission rules depend on nothing else in the plugin.',
  },
  {
    target: './src/shared',
    from: [
      './src/routes',
      './src/actions',
      './src/services',
      './src/demo',
      './src/plugin.ts',
    ],
    message: 'shared/ sits below the features and the routes that use it.',
  },
  {
    target: './src/services',
    from: ['./src/routes', './src/actions', './src/demo', './src/plugin.ts'],
    message: 'Services never reach back up to the routes or the wiring.',
  },
  {
    target: './src/routes',
    from: ['./src/database', './src/demo', './src/plugin.ts'],
    message:
      'Routes parse and call services; the store is reached through them.',
  },
  {
    target: './src/actions',
    from: ['./src/database', './src/routes', './src/demo', './src/plugin.ts'],
    message:
      'Actions parse and call services, as routes do; the store is reached through them.',
  },
  ...FEATURES.map(feature => ({
    target: `./src/services/${feature}`,
    from: './src/services',
    except: [`./${feature}`],
    message:
      'A feature imports no other feature; move what they share to shared/.',
  })),
];

const config = require('@backstage/cli/config/eslint-factory')(__dirname, {
  settings: {
    'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } },
    'import/extensions': ['.ts', '.js'],
  },
  rules: {
    'import/no-cycle': ['error', { ignoreExternal: true }],
    'import/no-restricted-paths': [
      'error',
      { basePath: __dirname, zones: LAYER_ZONES },
    ],
  },
});

// Every SQL statement lives in the store: outside database/ no query names a
// table or writes raw SQL.
config.overrides.push({
  files: ['src/**/*.ts'],
  excludedFiles: [
    'src/database/**',
    'src/demo/**',
    '**/*.test.ts',
    '**/__testUtils__/**',
  ],
  rules: {
    'no-restricted-syntax': [
      ...config.rules['no-restricted-syntax'],
      {
        message: 'Queries belong in database/; call a store function instead.',
        selector:
          "CallExpression[arguments.0.type='Literal'][arguments.0.value=/^itsm_/]",
      },
      {
        message: 'Raw SQL belongs in database/; call a store function instead.',
        selector:
          'CallExpression[callee.property.name=/^(raw|whereRaw|havingRaw|orderByRaw|joinRaw)$/]',
      },
    ],
  },
});

module.exports = config;
