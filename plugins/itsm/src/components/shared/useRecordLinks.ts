import { useRouteRef } from '@backstage/core-plugin-api';
import { rootRouteRef } from '../../routes';

/** Links to the views of incidents and problems, below the ITSM page. */
export function useRecordLinks() {
  const root = useRouteRef(rootRouteRef)();
  const base = root.endsWith('/') ? root.slice(0, -1) : root;
  return {
    incident: (number: string) => `${base}/incidents/${number}`,
    problem: (number: string) => `${base}/problems/${number}`,
  };
}
