/**
 * Bundles widget/ into public/widget.js: one minified file, no eval, no
 * external requests. widget.css is minified and inlined as a string.
 * Run by `npm start`, by the browser tests' setup, and by hand: `npm run build:widget`.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, transform } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
export const WIDGET_FILE = `${root}public/widget.js`;

/** Loads `*.css` as a minified string (widget/css.d.ts declares the import). */
const cssAsText = {
  name: 'css-as-text',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.css$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const { code } = await transform(source, { loader: 'css', minify: true });
      return { contents: code.trim(), loader: 'text' };
    });
  },
};

/**
 * Builds the bundle; returns its size in bytes, raw and gzipped. Each output file
 * is written under a temporary name and renamed, so a server reading widget.js
 * (or a second build running at the same time) never sees half a file.
 */
export async function buildWidget({ outfile = WIDGET_FILE } = {}) {
  const result = await build({
    entryPoints: [`${root}widget/index.ts`],
    outfile,
    bundle: true,
    format: 'iife',
    minify: true,
    sourcemap: 'linked',
    target: ['chrome100', 'firefox100', 'safari15'],
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    plugins: [cssAsText],
    write: false,
  });
  const suffix = `.${process.pid}-${Math.random().toString(36).slice(2)}.tmp`;
  for (const file of result.outputFiles) {
    await writeFile(file.path + suffix, file.contents);
    await rename(file.path + suffix, file.path);
  }
  const code = await readFile(outfile);
  return { bytes: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { bytes, gzipped } = await buildWidget();
  console.log(`public/widget.js: ${(bytes / 1024).toFixed(1)} KB, ${(gzipped / 1024).toFixed(1)} KB gzipped`);
}
