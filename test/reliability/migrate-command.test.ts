import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/command.js';
import { migrateCommand } from '../../src/cli/migrate.js';
import { POSTGRES_MIGRATIONS } from '../../src/stores/migrations/postgres-migrations.js';
import { databaseUrlWithSchema, dropSchema, postgresAvailable, uniqueName } from '../stores/external-services.js';

const available = await postgresAvailable();
const schema = uniqueName('migrate');

async function migrate(env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk) => (out += chunk));
  stderr.on('data', (chunk) => (err += chunk));
  const io: CliIo = { stdin: new PassThrough(), stdout, stderr, env, cwd: process.cwd() };
  const code = await migrateCommand.run([], io);
  return { code, out, err };
}

describe.skipIf(!available)('medspiller migrate', () => {
  afterAll(() => dropSchema(schema));

  it('applies every migration once into the schema named in the URL, then reports up to date', async () => {
    const latest = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));
    const first = await migrate({ MEDSPILLER_DATABASE: databaseUrlWithSchema(schema) });
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toContain(`Applied migrations ${POSTGRES_MIGRATIONS.map((m) => m.version).join(', ')}`);
    const second = await migrate({ MEDSPILLER_DATABASE: databaseUrlWithSchema(schema) });
    expect(second.out).toContain(`up to date (version ${latest})`);
  });

  it('fails with exit code 1 and no password in the message when the database is unreachable', async () => {
    const result = await migrate({ MEDSPILLER_DATABASE: 'postgres://medspiller:s3cret-password@127.0.0.1:1/none' });
    expect(result.code).toBe(1);
    expect(result.err).toContain('Migration failed');
    expect(result.err).not.toContain('s3cret-password');
  });
});

describe('medspiller migrate without a database', () => {
  it('says there is nothing to migrate for SQLite', async () => {
    const result = await migrate({});
    expect(result).toMatchObject({ code: 0 });
    expect(result.out).toContain('MEDSPILLER_DATABASE is not set');
  });
});
