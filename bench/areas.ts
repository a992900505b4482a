import { linkedinArea } from './linkedin';
import { salesforceArea } from './salesforce';
import { storeArea } from './store';
import type { BenchArea } from './types';

/** Every bench area, in run order. A new area is one file in bench/ plus one line here. */
export const AREAS: readonly BenchArea[] = [storeArea, linkedinArea, salesforceArea];
