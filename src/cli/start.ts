/**
 * `medspiller start`: checks the content (refusing to start, with every problem
 * listed, when it is broken), builds the app and listens on HOST:PORT. SIGTERM
 * or SIGINT closes it gracefully: no new connections, in-flight requests finish.
 */
import { createLogger } from '../logger.js';
import { buildApp, LISTEN_BACKLOG } from '../server.js';
import { writeLine, type Command, type CliIo } from './command.js';
import { loadConfigOrReport } from './load-config.js';
import { loadContentOrReport } from './load-content.js';

const SIGNALS = ['SIGTERM', 'SIGINT'] as const;

export const startCommand: Command = {
  name: 'start',
  summary: 'serve the web API and widget on HOST:PORT',
  usage: '',
  async run(_args, io) {
    const config = loadConfigOrReport(io);
    if (!config) return 2;
    const { bundle } = await loadContentOrReport(config.contentDir, io.stderr);
    if (!bundle) {
      writeLine(io.stderr, 'Refusing to start. Fix the problems above (`npm run check` lists them again).');
      return 1;
    }
    const logger = createLogger(config.logLevel);
    const app = await buildApp(config, { logger, initialBundle: bundle });
    await app.listen({ port: config.port, host: config.host, backlog: LISTEN_BACKLOG });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    writeLine(io.stdout, `Medspiller is listening on http://${displayHost(config.host)}:${port}`);
    await closedBySignal(app.close.bind(app), io);
    return 0;
  },
};

function displayHost(host: string): string {
  return host === '0.0.0.0' || host === '::' ? 'localhost' : host;
}

/** Resolves once a signal arrived and the app closed; a second signal exits at once. */
function closedBySignal(close: () => Promise<unknown>, io: CliIo): Promise<void> {
  return new Promise((resolve) => {
    let closing = false;
    const onSignal = (signal: string) => {
      if (closing) process.exit(130);
      closing = true;
      writeLine(io.stdout, `${signal}: finishing requests in flight, then stopping.`);
      void close().then(() => {
        for (const s of SIGNALS) process.off(s, onSignal);
        resolve();
      });
    };
    for (const s of SIGNALS) process.on(s, onSignal);
  });
}
