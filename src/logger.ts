/**
 * The service's logger (pino). Logs carry ids, flow and node names and timings:
 * never a citizen's words, names, phone numbers, e-mails or raw payloads.
 * The request serializer therefore keeps only method, route and id: no
 * bodies, no headers, no client addresses.
 */
import { pino, type Logger, type LoggerOptions } from 'pino';
import type { FastifyRequest } from 'fastify';
import type { LogLevel } from './config.js';
import { loggablePath, redactPersonal } from './observability/redaction.js';

export type { Logger };

const LOG_SERIALIZERS: LoggerOptions['serializers'] = {
  req: (req: FastifyRequest) => ({ id: req.id, method: req.method, url: loggablePath(req.url) }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    serializers: LOG_SERIALIZERS,
    // Belt and braces: should anything personal be passed to a log call by mistake.
    formatters: { log: redactPersonal },
  };
  return destination ? pino(options, destination) : pino(options);
}

/** A logger that drops everything: for tests and for the CLI's quiet commands. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
