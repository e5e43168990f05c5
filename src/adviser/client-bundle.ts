/** The guided-session page's script: src/adviser/client/main.ts, bundled on first request. */
import { fileURLToPath } from 'node:url';
import { scriptOnRequest } from '../browser-bundle.js';

export const adviserScript = scriptOnRequest(fileURLToPath(new URL('./client/main.ts', import.meta.url)));
