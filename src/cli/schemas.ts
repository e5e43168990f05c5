/**
 * `medspiller schemas [dir]`: writes the JSON Schemas of the YAML files (for
 * completion and inline errors in editors) to <content dir>/schemas.
 */
import { join, relative, resolve } from 'node:path';
import { exportJsonSchemas } from '../content/index.js';
import { ConfigError, loadConfig } from '../config.js';
import { writeLine, type Command } from './command.js';

export const schemasCommand: Command = {
  name: 'schemas',
  summary: 'write JSON Schemas of the YAML files for editors',
  usage: '[dir]',
  async run(args, io) {
    let outDir: string;
    try {
      outDir = args[0] ? resolve(io.cwd, args[0]) : join(loadConfig(io.env, io.cwd).contentDir, 'schemas');
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      writeLine(io.stderr, error.message);
      return 2;
    }
    const written = await exportJsonSchemas(outDir);
    for (const file of written) writeLine(io.stdout, relative(io.cwd, resolve(outDir, file)) || file);
    writeLine(io.stdout, `${written.length} schemas written to ${relative(io.cwd, outDir) || '.'}`);
    return 0;
  },
};
