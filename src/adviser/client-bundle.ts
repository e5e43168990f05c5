/**
 * The guided-session page's script: src/adviser/client/main.ts bundled by
 * esbuild into one file on first request, then kept in memory.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ENTRY = fileURLToPath(new URL('./client/main.ts', import.meta.url));

async function bundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: ['chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

let pending: Promise<string> | undefined;

export function adviserScript(): Promise<string> {
  pending ??= bundle().catch((error: unknown) => {
    pending = undefined; // try again on the next request
    throw error;
  });
  return pending;
}
