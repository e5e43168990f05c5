import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.js';
import { surveyCommand } from '../../src/cli/survey.js';
import { createSqliteSurveyStore } from '../../src/stores/sqlite-survey-store.js';
import { parseCsv } from './csv-parse.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function collect(stream: PassThrough): () => string {
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return () => text;
}

async function run(args: string[], env: Record<string, string>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env: { NODE_ENV: 'test', ...env }, cwd: ROOT };
  const code = await surveyCommand.run(args, io);
  return { code, stdout: out(), stderr: err() };
}

describe('medspiller survey', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'medspiller-survey-cli-'));
  const env = { MEDSPILLER_DATA_DIR: dataDir, MEDSPILLER_CONTENT_DIR: ROOT };

  beforeAll(async () => {
    const store = createSqliteSurveyStore(join(dataDir, 'medspiller.db'));
    const respond = (group: 'citizen' | 'caseworker', value: 0 | 1 | 2 | 3) =>
      store.add({ municipality: 'oesterby', group, area: 'health', week: '2024-W05', answers: { influence: value, many_caseworkers: null } });
    for (const value of [3, 2, 2, 1, 0] as const) await respond('citizen', value);
    for (const value of [3, 3, 2, 2, 2] as const) await respond('caseworker', value);
    await store.close();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints the report as a table', async () => {
    const { code, stdout } = await run(['oesterby', '--from', '2024-W01', '--to', '2024-W13'], env);
    expect(code).toBe(0);
    expect(stdout).toContain('Østerby Kommune (fiktiv) (oesterby): 2024-Q1 to 2024-Q1 (2024-W01 to 2024-W13), all areas');
    const influence = stdout.split('\n').find((line) => line.startsWith('influence'))!;
    expect(influence.split(/\s{2,}/)).toEqual(['influence', '1.60 (n 5)', '2.40 (n 5)', '<5', '1.4/2.3/2.5', '+0.80', '-', '+0.9/+1.1']);
    expect(stdout).toMatch(/many_caseworkers \(high = bad\)\s+<5/);
  });

  it('reads only the survey store: it opens no connection to the sessions\' Redis', async () => {
    let connections = 0;
    const redis = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => redis.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = redis.address() as AddressInfo;
      const { code, stdout } = await run(['oesterby', '--from', '2024-W01', '--to', '2024-W13'], { ...env, MEDSPILLER_SESSIONS: `redis://127.0.0.1:${port}` });
      expect(code).toBe(0);
      expect(stdout).toContain('influence');
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => redis.close(resolve));
    }
  });

  it('prints CSV with --csv', async () => {
    const { code, stdout } = await run(['oesterby', '--from', '2024-W01', '--to', '2024-W13', '--area', 'health', '--csv'], env);
    expect(code).toBe(0);
    expect(parseCsv(stdout).find((row) => row.question === 'influence')).toMatchObject({
      area: 'health',
      citizens_n: '5',
      citizens_mean: '1.6',
    });
  });

  it('explains a wrong municipality, period or missing argument', async () => {
    expect(await run(['atlantis'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no municipality "atlantis"') });
    expect(await run(['constructor'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('There is no municipality "constructor"') });
    expect(await run(['oesterby', '--from', 'yesterday'], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('from must be an ISO week') });
    expect(await run([], env)).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: medspiller survey <municipality>') });
  });
});
