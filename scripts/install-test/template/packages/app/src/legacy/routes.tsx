import { FlatRoutes } from '@backstage/core-app-api';
import { ItsmPage } from '@backstage-itsm/plugin-itsm';
import { Route } from 'react-router-dom';

// Legacy frontend system: the ITSM page in App.tsx.
export const routes = (
  <FlatRoutes>
    <Route path="/itsm" element={<ItsmPage />} />
  </FlatRoutes>
);
