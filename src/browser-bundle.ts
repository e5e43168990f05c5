/**
 * Browser scripts served by the app (the guided-session page, the admin
 * dashboard): a TypeScript entry bundled by esbuild into one minified file on
 * first request, then kept in memory. The public widget is built ahead of
 * time instead, by scripts/build-widget.mjs.
 */
import { build } from 'esbuild';
import { loadOnce } from './load-once.js';

async function bundleBrowserScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
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

/** A browser script bundled on first request and kept in memory. */
export function scriptOnRequest(entry: string): () => Promise<string> {
  return loadOnce(() => bundleBrowserScript(entry));
}
