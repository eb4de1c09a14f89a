// Entry of the scripted worker (tests/run/workers/scripted.ts), registered with tsx as src/worker-entry.mjs is.
import { register } from 'tsx/esm/api';

register();
await import('./scripted.ts');
