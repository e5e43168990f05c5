/**
 * `medspiller chat`: talk to the bot in the terminal, through the same
 * conversation service as the web API (sessions in memory). Reads lines from
 * stdin, so it also runs with piped input:
 *   printf '2\n2026-03-02\n:quit\n' | medspiller chat --today 2026-03-10
 * A number picks a choice; `:back`, `:restart`, `:help`, `:human`, `:repeat`,
 * `:skip` are the actions; `:locale en` switches language; `:quit` stops.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createConversationService, type ConversationService } from '../conversation/conversation-service.js';
import { createEffects } from '../conversation/effects.js';
import type { TurnBody, TurnView } from '../conversation/types.js';
import type { Action, Prompt } from '../engine/types.js';
import { isAppError } from '../errors.js';
import { silentLogger } from '../logger.js';
import { createMemoryStores } from '../stores/create-stores.js';
import { writeLine, type CliIo, type Command } from './command.js';
import { contentDirOrReport } from './load-config.js';
import { loadContentOrReport } from './load-content.js';
import { renderPrompt, renderReply } from './render-terminal.js';

const ACTIONS: readonly Action[] = ['back', 'restart', 'help', 'human', 'repeat', 'skip'];
const QUIT = new Set([':quit', ':q', ':exit']);

export const chatCommand: Command = {
  name: 'chat',
  summary: 'talk to the bot in the terminal (works with piped input)',
  usage: '[--municipality id] [--locale da] [--flow name] [--today YYYY-MM-DD] [--content dir]',
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: {
        municipality: { type: 'string' },
        locale: { type: 'string' },
        flow: { type: 'string' },
        today: { type: 'string' },
        content: { type: 'string' },
      },
    });
    if (values.today && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
      writeLine(io.stderr, '--today: expected a date written YYYY-MM-DD');
      return 2;
    }
    const contentDir = contentDirOrReport(io, values.content);
    if (contentDir === undefined) return 2;
    const { bundle } = await loadContentOrReport(contentDir, io.stderr);
    if (!bundle) return 1;
    const stores = createMemoryStores();
    const fixed = values.today ? new Date(`${values.today}T12:00:00Z`) : undefined;
    const service = createConversationService({
      content: { current: () => bundle },
      sessions: stores.sessions,
      requests: stores.requests,
      clock: () => fixed ?? new Date(),
      sessionTtlMs: 24 * 3_600_000,
      effects: createEffects({ requests: stores.requests, requestTtlMs: 3_600_000 }),
      logger: silentLogger(),
    });
    return talk(service, { municipality: values.municipality, locale: values.locale, flow: values.flow }, io);
  },
};

async function talk(service: ConversationService, start: Parameters<ConversationService['start']>[0], io: CliIo): Promise<number> {
  let view: TurnView;
  let id: string;
  try {
    const started = await service.start(start);
    ({ id } = started);
    view = started;
  } catch (error) {
    if (!isAppError(error)) throw error;
    writeLine(io.stderr, error.message);
    return 2;
  }
  show(view, io);
  const interactive = io.stdin.isTTY === true;
  if (interactive) io.stdout.write('> ');
  for await (const raw of createInterface({ input: io.stdin, terminal: false })) {
    const line = raw.trim();
    if (!interactive) writeLine(io.stdout, `> ${line}`);
    if (QUIT.has(line)) break;
    const body = toBody(line, view.prompt);
    if (body) {
      try {
        view = await service.turn(id, body);
        show(view, io);
      } catch (error) {
        if (!isAppError(error)) throw error;
        writeLine(io.stderr, error.message);
      }
    }
    if (view.done) return 0;
    if (interactive) io.stdout.write('> ');
  }
  return 0;
}

function show(view: TurnView, io: CliIo): void {
  for (const reply of view.replies) writeLine(io.stdout, `${renderReply(reply)}\n`);
  const prompt = renderPrompt(view.prompt);
  if (prompt) writeLine(io.stdout, prompt);
}

/** A typed line as a turn: a number picks a shown choice, `:name` is an action. */
function toBody(line: string, prompt: Prompt): TurnBody | undefined {
  if (!line) return undefined;
  const command = /^:(\w+)(?:\s+(\S+))?$/.exec(line);
  if (command) {
    const [, name, arg] = command;
    if ((name === 'locale' || name === 'lang') && arg) return { locale: arg };
    if ((ACTIONS as string[]).includes(name!)) return { action: name as Action };
  }
  if ((prompt.kind === 'choice' || prompt.kind === 'scale') && /^\d+$/.test(line)) {
    const choice = prompt.choices[Number(line) - 1];
    if (choice) return { choice: choice.id };
  }
  if (prompt.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(line)) return { date: line };
  return { text: line };
}
