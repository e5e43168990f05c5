/**
 * `medspiller schemas [dir]`: writes the JSON Schemas of the YAML files (for
 * completion and inline errors in editors) to <content dir>/schemas.
 */
import { join, relative, resolve } from 'node:path';
import { exportJsonSchemas } from '../content/index.js';
import { writeLine, type Command } from './command.js';
import { loadConfigOrReport } from './load-config.js';

export const schemasCommand: Command = {
  name: 'schemas',
  summary: 'write JSON Schemas of the YAML files for editors',
  usage: '[dir]',
  async run(args, io) {
    let outDir = args[0] && resolve(io.cwd, args[0]);
    if (!outDir) {
      const config = loadConfigOrReport(io);
      if (!config) return 2;
      outDir = join(config.contentDir, 'schemas');
    }
    const written = await exportJsonSchemas(outDir);
    for (const file of written) writeLine(io.stdout, relative(io.cwd, resolve(outDir, file)) || file);
    writeLine(io.stdout, `${written.length} schemas written to ${relative(io.cwd, outDir) || '.'}`);
    return 0;
  },
};
