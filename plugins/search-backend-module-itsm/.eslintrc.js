module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  // The tests start the real plugin with this module; the module itself never
  // imports the plugin.
  testRules: {
    '@backstage/no-mixed-plugin-imports': [
      'warn',
      { excludedTargetPackages: ['@backstage-itsm/plugin-itsm-backend'] },
    ],
  },
});
