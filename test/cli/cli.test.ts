import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyContent, FIXTURE_CONTENT, runCli, spawnCli, waitForOutput } from './run-cli.js';

const temps: string[] = [];
afterAll(() => {
  for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});
function temp(dir: string): string {
  temps.push(dir);
  return dir;
}
const LOCATION = /^(flows|content)\/[\w./-]+:\d+:\d+ {2}\S/m;

/** Two problems in two files: a misspelt key in a flow and a YAML syntax error in a text file. */
function brokenContent(): string {
  const dir = temp(copyContent());
  const main = join(dir, 'flows/main.yaml');
  writeFileSync(main, readFileSync(main, 'utf8').replace('    next: decision_date', '    nxet: decision_date'));
  writeFileSync(join(dir, 'content/da/system.yaml'), 'system.help: [unclosed\n');
  return dir;
}

describe('medspiller (no command)', { timeout: 60_000 }, () => {
  it('prints the commands; an unknown command exits 2', async () => {
    const help = await runCli(['help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/start .*\n.*check .*\n.*chat .*\n.*schemas/);
    const unknown = await runCli(['fly']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "fly"');
  });
});

describe('medspiller check', { timeout: 60_000 }, () => {
  it('passes the real content in flows/ and content/ (exit 0)', async () => {
    const result = await runCli(['check']);
    expect(result.stdout).toMatch(/^0 errors, \d+ warnings? in \d+ flows, \d+ locales, \d+ municipalities\.$/m);
    expect(result.code).toBe(0);
  });

  it('lists every problem as file:line:column and exits 1', async () => {
    const result = await runCli(['check', brokenContent()]);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n').filter((l) => LOCATION.test(l));
    expect(lines.some((l) => /^content\/da\/system\.yaml:\d+:\d+ /.test(l))).toBe(true);
    expect(lines.some((l) => /^flows\/main\.yaml:22:5 {2}unknown key "nxet"/.test(l))).toBe(true);
    expect(result.stdout).toMatch(/^\d+ errors?, \d+ warnings?\.$/m);
  });

  it('refuses an effect name the code does not have', async () => {
    const dir = temp(copyContent());
    const main = join(dir, 'flows/main.yaml');
    writeFileSync(main, readFileSync(main, 'utf8').replace('      - main.goodbye\n', '      - main.goodbye\n    do: [sendFax]\n'));
    const result = await runCli(['check', dir]);
    expect(result.stdout).toMatch(/^flows\/main\.yaml:\d+:\d+ {2}unknown effect "sendFax".*storeAdviserRequest/m);
    expect(result.code).toBe(1);
  });

  it('exits 0 with warnings only', async () => {
    const dir = temp(copyContent());
    const file = join(dir, 'content/da/main.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('reviewed: 2026-01-15', 'reviewed: 2001-01-15'));
    const result = await runCli(['check', dir]);
    expect(result.stdout).toMatch(/^content\/da\/main\.yaml:\d+:\d+ {2}warning: /m);
    expect(result.stdout).toMatch(/^0 errors, [1-9]\d* warnings? in /m);
    expect(result.code).toBe(0);
  });
});

describe('medspiller start', { timeout: 60_000 }, () => {
  it('refuses to start with broken content, listing every problem', async () => {
    const result = await runCli(['start'], { env: { MEDSPILLER_CONTENT_DIR: brokenContent(), PORT: '0' } });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^content\/da\/system\.yaml:\d+:\d+ /m);
    expect(result.stderr).toMatch(/^flows\/main\.yaml:22:5 {2}unknown key "nxet"/m);
    expect(result.stderr).toContain('Refusing to start');
    expect(result.stdout).not.toContain('listening');
  });

  it('refuses to start with a bad variable, naming it', async () => {
    const result = await runCli(['start'], { env: { PORT: 'eighty' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('PORT: expected a whole number');
  });

  it('serves, keeps sessions in SQLite under MEDSPILLER_DATA_DIR, and stops gracefully on SIGTERM', async () => {
    const dataDir = temp(mkdtempSync(join(tmpdir(), 'medspiller-data-')));
    const child = spawnCli(['start'], { MEDSPILLER_CONTENT_DIR: FIXTURE_CONTENT, MEDSPILLER_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1' });
    try {
      const [, port] = await waitForOutput(child, /listening on http:\/\/127\.0\.0\.1:(\d+)/);
      const base = `http://127.0.0.1:${port}`;
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const started = await fetch(`${base}/api/v1/conversations`, { method: 'POST' });
      expect(started.status).toBe(201);
      expect(existsSync(join(dataDir, 'medspiller.db'))).toBe(true);
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('medspiller chat', { timeout: 60_000 }, () => {
  it('talks with piped input: numbered choices, actions, language switch', async () => {
    const input = ['1', ':help', ':locale en', ':back', 'something odd', ':quit', ''].join('\n');
    const result = await runCli(['chat', '--content', FIXTURE_CONTENT, '--today', '2026-03-10'], { input });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('  1) Find fristen for at klage');
    expect(result.stdout).toContain('> 1\nHvordan fik du afgørelsen?');
    expect(result.stdout).toContain('Du kan altid skrive "tilbage"');
    expect(result.stdout).toContain('> :locale en\nHow did you get the decision?');
    expect(result.stdout).toContain('> :back\nHello!');
    expect(result.stdout).toContain('I did not understand that.');
  });

  it('works out a deadline from typed dates and stops at the end of the conversation', async () => {
    const input = ['1', '1', '2026-03-02', '3', ''].join('\n');
    const result = await runCli(['chat', '--content', FIXTURE_CONTENT, '--today', '2026-03-10'], { input });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Du kan klage senest');
    expect(result.stdout).toContain('(Retssikkerhedsloven § 67, stk. 1)');
    expect(result.stdout).toContain('Tak for nu.');
  });

  it('runs on the real content', async () => {
    const result = await runCli(['chat', '--today', '2026-03-10'], { input: ':quit\n' });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ {2}1\) \S/);
  });

  it('refuses a bad --today', async () => {
    const result = await runCli(['chat', '--today', 'tomorrow']);
    expect(result.code).toBe(2);
  });
});
