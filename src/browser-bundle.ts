/**
 * Browser scripts served by the app (the guided-session page, the admin
 * dashboard): a TypeScript entry bundled by esbuild into one minified file on
 * first request, then kept in memory. The public widget is built ahead of
 * time instead, by scripts/build-widget.mjs.
 */
import { build } from 'esbuild';

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

/** Loads once and keeps the result; a failed load is tried again on the next call. */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}

/** A browser script bundled on first request and kept in memory. */
export function scriptOnRequest(entry: string): () => Promise<string> {
  return loadOnce(() => bundleBrowserScript(entry));
}
