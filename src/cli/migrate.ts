/**
 * `medspiller migrate`: brings the PostgreSQL schema (MEDSPILLER_DATABASE) up
 * to date and says what it applied. `medspiller start` does the same on every
 * start-up; this command lets an operator do it first, e.g. in a deploy step.
 * Safe to run while instances are starting: migrations hold an advisory lock.
 */
import { openPostgres } from '../stores/postgres-database.js';
import { POSTGRES_MIGRATIONS } from '../stores/migrations/postgres-migrations.js';
import { writeLine, type Command } from './command.js';
import { loadConfigOrReport } from './load-config.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'create or update the PostgreSQL tables (MEDSPILLER_DATABASE)',
  usage: '',
  async run(_args, io) {
    const config = loadConfigOrReport(io);
    if (!config) return 2;
    if (!config.database) {
      writeLine(io.stdout, 'MEDSPILLER_DATABASE is not set: the SQLite tables are created on start-up, nothing to migrate.');
      return 0;
    }
    let applied: number[];
    try {
      const db = await openPostgres(config.database, { connectAttempts: 3 });
      applied = db.applied;
      await db.retain()();
    } catch (error) {
      // pg's messages name the host and the failure, never the password.
      writeLine(io.stderr, `Migration failed: ${(error as Error).message}`);
      return 1;
    }
    const latest = Math.max(...POSTGRES_MIGRATIONS.map((m) => m.version));
    writeLine(
      io.stdout,
      applied.length ? `Applied migrations ${applied.join(', ')}; the schema is at version ${latest}.` : `The schema is up to date (version ${latest}).`,
    );
    return 0;
  },
};
