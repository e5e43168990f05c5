/**
 * The `medspiller` commands. To add one, write `src/cli/<name>.ts` exporting a
 * Command and list it here.
 */
import { chatCommand } from './chat.js';
import { migrateCommand } from './migrate.js';
import { checkCommand } from './check.js';
import type { Command } from './command.js';
import { graphCommand } from './graph.js';
import { schemasCommand } from './schemas.js';
import { scriptCommand } from './script.js';
import { startCommand } from './start.js';
import { stringsCommand } from './strings.js';
import { surveyCommand } from './survey.js';

export const COMMANDS: readonly Command[] = [startCommand, checkCommand, chatCommand, schemasCommand, migrateCommand, scriptCommand, graphCommand, surveyCommand, stringsCommand];
