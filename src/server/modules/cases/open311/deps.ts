import type { SubmitDeps } from './submit';
import type { RequestSources } from './requests';

/** What the Open311 routes work with. */
export interface Open311Deps extends SubmitDeps {
  /** where requests are read from */
  sources: RequestSources;
  /** discovery says `production` or `test` */
  production: boolean;
}
