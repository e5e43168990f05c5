/**
 * Loads the configuration for a command. A bad variable is the operator's to
 * fix, so it is written to stderr (naming the variable) and the caller exits 2;
 * any other error is a bug and is thrown.
 */
import { resolve } from 'node:path';
import { ConfigError, loadConfig, type Config } from '../config.js';
import { writeLine, type CliIo } from './command.js';

export function loadConfigOrReport(io: CliIo): Config | undefined {
  try {
    return loadConfig(io.env, io.cwd);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    writeLine(io.stderr, error.message);
    return undefined;
  }
}

/** The content folder named on the command line, else the configured one (loaded only then). */
export function contentDirOrReport(io: CliIo, given: string | undefined): string | undefined {
  return given ? resolve(io.cwd, given) : loadConfigOrReport(io)?.contentDir;
}
