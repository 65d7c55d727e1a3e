import { createApp } from '@backstage/frontend-defaults';
import catalogPlugin from '@backstage/plugin-catalog/alpha';
import itsmPlugin from '@backstage-itsm/plugin-itsm/alpha';

// New Frontend System: the plugin's default export, listed as a feature.
export default createApp({
  features: [catalogPlugin, itsmPlugin],
});
