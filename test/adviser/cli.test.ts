/**
 * `medspiller script` and `medspiller graph`, run in-process with captured
 * output: the formats, and clear errors for a missing or unknown flow.
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.js';
import { graphCommand } from '../../src/cli/graph.js';
import { scriptCommand } from '../../src/cli/script.js';
import { ROOT } from './real-bundle.js';

async function run(command: typeof scriptCommand, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const chunks = { stdout: '', stderr: '' };
  stdout.on('data', (c: Buffer) => (chunks.stdout += c.toString()));
  stderr.on('data', (c: Buffer) => (chunks.stderr += c.toString()));
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env: { MEDSPILLER_CONTENT_DIR: ROOT }, cwd: ROOT };
  const code = await command.run(args, io);
  return { code, ...chunks };
}

describe('medspiller script', () => {
  it('prints Markdown by default and HTML on request, for a municipality and locale', async () => {
    const md = await run(scriptCommand, ['complaint', '--municipality', 'nordby']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# .+: manuskript til rådgivere\n\nKommune: /);
    const html = await run(scriptCommand, ['complaint', '--format', 'html', '--locale', 'en']);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html.stdout).toContain('script for advisers');
  });

  it('explains what is wrong with the arguments', async () => {
    expect(await run(scriptCommand, [])).toMatchObject({ code: 2, stderr: expect.stringContaining('Name one flow.') });
    expect(await run(scriptCommand, ['complaint', '--format', 'pdf'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--format: expected one of md, html') });
    const unknown = await run(scriptCommand, ['nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/There is no flow named "nope"\. Known flows: .*complaint/);
  });
});

describe('medspiller graph', () => {
  it('prints Mermaid by default and SVG on request', async () => {
    const mermaid = await run(graphCommand, ['complaint']);
    expect(mermaid.code).toBe(0);
    expect(mermaid.stdout.startsWith('flowchart TD\n')).toBe(true);
    const svg = await run(graphCommand, ['complaint', '--format', 'svg']);
    expect(svg.stdout.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });
});
