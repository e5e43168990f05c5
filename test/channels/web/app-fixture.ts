/** Builds the app on the fixture bundle and in-memory stores, for `app.inject` tests. */
import { loadConfig, type Config } from '../../../src/config.js';
import { silentLogger } from '../../../src/logger.js';
import { buildApp, type AppDeps } from '../../../src/server.js';
import { createMemoryRequestStore } from '../../../src/stores/memory-request-store.js';
import { createMemorySessionStore } from '../../../src/stores/memory-session-store.js';
import { createMemorySurveyStore } from '../../../src/stores/memory-survey-store.js';
import { fixtureContent } from '../../conversation/fixture-bundle.js';

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: 'test', MEDSPILLER_RATE_LIMIT: '0', MEDSPILLER_RATE_LIMIT_CONVERSATION: '0', ...env });
}

export async function buildTestApp(deps: AppDeps = {}, env: Record<string, string> = {}) {
  const content = fixtureContent();
  const stores = { sessions: createMemorySessionStore(), requests: createMemoryRequestStore(), survey: createMemorySurveyStore() };
  const app = await buildApp(testConfig(env), { content, stores, logger: silentLogger(), ...deps });
  return { app, content, stores };
}
