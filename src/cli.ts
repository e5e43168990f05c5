/**
 * The `medspiller` command: `medspiller <command> [args]`. The commands are
 * listed in src/cli/commands.ts, one file each.
 */
import { COMMANDS } from './cli/commands.js';
import { writeLine, type CliIo } from './cli/command.js';

function usage(io: CliIo): void {
  writeLine(io.stdout, 'Usage: medspiller <command> [options]\n\nCommands:');
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  for (const command of COMMANDS) writeLine(io.stdout, `  ${command.name.padEnd(width)}  ${command.summary}`);
  writeLine(io.stdout, '\nConfiguration comes from environment variables: see README.md.');
}

async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    usage(io);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    writeLine(io.stderr, `Unknown command "${name}".`);
    usage(io);
    return 2;
  }
  return command.run(args, io);
}

const io: CliIo = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
process.exitCode = await main(process.argv.slice(2), io);
