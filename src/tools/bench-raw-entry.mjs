// A worker thread of bench-raw.ts --threads N. Worker threads do not inherit tsx's loader: register it
// here, then load the TypeScript module, which sees it is not the main thread.
import { register } from 'tsx/esm/api';

register();
await import('./bench-raw.ts');
