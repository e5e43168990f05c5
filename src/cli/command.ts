/**
 * One `medspiller` command. Each command lives in its own file in src/cli/ and is
 * listed in ./commands.ts. `run` returns the exit code; it writes only to `io`.
 */
export interface CliIo {
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  cwd: string;
}

export interface Command {
  name: string;
  /** One line for `medspiller help`. */
  summary: string;
  /** Arguments and options, e.g. "[dir]". */
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}
