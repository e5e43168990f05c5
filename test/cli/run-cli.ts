/** Runs `node --import tsx src/cli.ts …` in a child process, as an operator would. */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function cliEnv(env: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { NODE_OPTIONS: _ignored, ...inherited } = process.env;
  return { ...inherited, NODE_ENV: 'test', LOG_LEVEL: 'silent', MEDSPILLER_CONTENT_DIR: ROOT, ...env };
}

export function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: ROOT, env: cliEnv(env) });
}

export function runCli(args: string[], options: { env?: Record<string, string>; input?: string } = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawnCli(args, options.env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin!.end(options.input ?? '');
  });
}

/** The small, stable content the content layer's tests use (test/fixtures/bundle). */
export const FIXTURE_CONTENT = join(ROOT, 'test/fixtures/bundle');

/** A copy of flows/ and content/ (default: the fixture content) in a temp folder, to change on purpose. */
export function copyContent(from = FIXTURE_CONTENT): string {
  const dir = mkdtempSync(join(tmpdir(), 'medspiller-content-'));
  cpSync(join(from, 'flows'), join(dir, 'flows'), { recursive: true });
  cpSync(join(from, 'content'), join(dir, 'content'), { recursive: true });
  return dir;
}

/** Waits until the child prints a line matching `pattern` on stdout. */
export function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 45_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}; output so far:\n${seen}`)), timeoutMs);
    const onData = (d: Buffer) => {
      seen += d.toString();
      const match = seen.match(pattern);
      if (match) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        resolve(match);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (d: Buffer) => (seen += d.toString()));
    child.on('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}; output:\n${seen}`)));
  });
}
