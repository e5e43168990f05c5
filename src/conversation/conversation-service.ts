/**
 * The conversation use cases every channel goes through: start, turn, get
 * (transcript, to resume after a reload), document, erase.
 *
 * A turn is the request loop from STYLE.md: load the state, let the pure engine
 * step it, save it with compare-and-set, then run the effects it asked for. When
 * another turn saved first, the turn is redone once on the fresh state; a second
 * clash is answered with `conflict`.
 *
 * Logs carry ids, flow and node names and timings only, never what was said.
 */
import { placeOf, present, replay, startConversation, step, upgradeState } from '../engine/index.js';
import type { Bundle, ConversationState, Effect, Input, Prompt, StepResult } from '../engine/types.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import type { RequestStore } from '../stores/request-store.js';
import type { SessionRecord, SessionStore } from '../stores/session-store.js';
import { renderDocument, type DocumentReply, type RenderedDocument, type RenderedFormat } from './documents.js';
import { EFFECT_FAILURE_TEXTS, runEffects, type EffectRegistry } from './effects.js';
import { ID_PATTERN, newId as randomId } from './ids.js';
import { addNotices, carryNotices, noticeReplies, withStoredNotices, type StateWithNotices } from './notices.js';
import { refuseRepeatedTurn, withTurnKey } from './turn-key.js';
import { maskCpr } from './mask-cpr.js';
import type {
  ContentProvider,
  ConversationView,
  LocaleOption,
  StartOptions,
  StartView,
  TurnBody,
  TurnView,
} from './types.js';

export interface ConversationServiceOptions {
  content: ContentProvider;
  sessions: SessionStore;
  /** Erased together with a conversation (adviser requests made in it). */
  requests?: RequestStore;
  clock?: () => Date;
  newId?: () => string;
  sessionTtlMs: number;
  effects?: EffectRegistry;
  logger: Logger;
  /** Told about each conversation started and turn answered (metrics); flow names and timings only. */
  observer?: ConversationObserver;
}

export interface ConversationObserver {
  started(flow: string): void;
  turned(flow: string, ms: number): void;
}

/**
 * Where `start` keeps the conversation. Chat channels pass an id derived from the
 * chat (see chat-sessions.ts); `replace` starts over in it, dropping the old state.
 */
export interface StartAt {
  id: string;
  replace?: boolean;
}

export interface ConversationService {
  start(options: StartOptions, at?: StartAt): Promise<StartView>;
  /** `turnKey`: the request's Idempotency-Key; a turn repeating the last one's key is refused with 409. */
  turn(id: string, body: TurnBody, turnKey?: string): Promise<TurnView>;
  get(id: string): Promise<ConversationView>;
  /** The latest document with `docId` shown in the conversation, rendered as a download. */
  document(id: string, docId: string, format: RenderedFormat): Promise<RenderedDocument>;
  /** Erases the conversation and everything derived from it. */
  erase(id: string): Promise<void>;
}

/** Flows a conversation may be started in by name (the system flow only holds messages). */
export function startableFlows(bundle: Bundle, municipality?: string): string[] {
  return Object.keys(placeOf(bundle, municipality).flows).filter((flow) => flow !== 'system');
}

export function localeOptions(bundle: Bundle): LocaleOption[] {
  return bundle.locales.map((code) => ({ code, name: bundle.localeInfo[code]?.name ?? code, dir: dirOf(bundle, code) }));
}

function dirOf(bundle: Bundle, locale: string): 'ltr' | 'rtl' {
  return bundle.localeInfo[locale]?.dir ?? 'ltr';
}

function toInput(body: TurnBody): Input {
  if ('choice' in body) return { type: 'choice', id: body.choice };
  // A CPR number typed into free text is masked before anything keeps or logs it.
  if ('text' in body) return { type: 'text', text: maskCpr(body.text) };
  if ('date' in body) return { type: 'date', value: body.date };
  if ('action' in body) return { type: 'action', action: body.action };
  return { type: 'locale', locale: body.locale };
}

function nodeExists(bundle: Bundle, state: ConversationState): boolean {
  return placeOf(bundle, state.municipality).flows[state.flow]?.nodes[state.node] !== undefined;
}

function offeredIds(prompt: Prompt): string[] {
  return prompt.kind === 'choice' || prompt.kind === 'scale' ? prompt.choices.map((c) => c.id) : [];
}

/** What every use case needs: the options with their defaults filled in. */
interface Context {
  content: ContentProvider;
  sessions: SessionStore;
  requests?: RequestStore;
  clock: () => Date;
  newId: () => string;
  sessionTtlMs: number;
  effects: EffectRegistry;
  logger: Logger;
  observer?: ConversationObserver;
}

export function createConversationService(options: ConversationServiceOptions): ConversationService {
  const ctx: Context = {
    ...options,
    clock: options.clock ?? (() => new Date()),
    newId: options.newId ?? randomId,
    effects: options.effects ?? {},
  };
  return {
    start: (opts, at) => start(ctx, opts, at),
    turn: (id, body, turnKey) => turn(ctx, id, body, turnKey),
    get: (id) => get(ctx, id),
    document: (id, docId, format) => document(ctx, id, docId, format),
    erase: (id) => erase(ctx, id),
  };
}

async function load(ctx: Context, id: string): Promise<SessionRecord> {
  const record = ID_PATTERN.test(id) ? await ctx.sessions.load(id) : undefined;
  if (!record) throw new AppError('unknown_conversation');
  // Nearly every state is already the current version: upgradeState hands it back, and the record with it.
  const state = upgradeState(record.state);
  return state === record.state ? record : { ...record, state };
}

function view(bundle: Bundle, result: StepResult): TurnView {
  const { replies, prompt, done, state } = result;
  return { replies, prompt, done, locale: state.locale, dir: dirOf(bundle, state.locale) };
}

/** Refuses what the engine would only re-ask: a language it lacks, a button that is not on the screen. */
function checkInput(bundle: Bundle, state: ConversationState, input: Input, now: Date): void {
  if (input.type === 'locale' && !bundle.locales.includes(input.locale)) {
    throw new AppError('invalid_body', `locale must be one of: ${bundle.locales.join(', ')}.`);
  }
  // A node removed by a content reload: the engine apologises and goes to the menu, so any answer goes through.
  if (input.type !== 'choice' || !nodeExists(bundle, state)) return;
  const offered = offeredIds(present(bundle, state, { now }).prompt);
  if (!offered.includes(input.id)) {
    const list = offered.length ? `Offered now: ${offered.join(', ')}.` : 'No choice is offered now.';
    throw new AppError('choice_not_offered', `That choice is not offered at this point of the conversation. ${list}`);
  }
}

async function start(ctx: Context, opts: StartOptions, at?: StartAt): Promise<StartView> {
  const started = performance.now();
  const bundle = ctx.content.current();
  const flows = startableFlows(bundle, opts.municipality);
  if (opts.flow !== undefined && !flows.includes(opts.flow)) {
    throw new AppError('unknown_flow', `There is no conversation flow named "${opts.flow}". Known flows: ${flows.join(', ')}.`);
  }
  const now = ctx.clock();
  const result = startConversation(bundle, opts, { now });
  const id = at?.id ?? ctx.newId();
  if (at?.replace) await ctx.sessions.delete(id);
  const created = await ctx.sessions.create(id, result.state, ctx.sessionTtlMs);
  const failed = await runEffects(ctx.effects, result.effects, { conversationId: id, now, logger: ctx.logger });
  const shown = await noticeFailures(ctx, id, bundle, { result, version: created.version }, failed, now);
  const { flow, node, municipality } = result.state;
  ctx.logger.info({ conversation: id, flow, node, ms: elapsed(started) }, 'conversation started');
  ctx.observer?.started(flow);
  return { id, municipality, ...view(bundle, shown), locales: localeOptions(bundle) };
}

/**
 * The turn's replies, followed by a notice for each failed effect the citizen must hear about. The
 * notices are also saved with the state (see notices.ts), so a reloaded transcript shows them; when
 * another turn saved first, they are shown now only.
 */
async function noticeFailures(ctx: Context, id: string, bundle: Bundle, saved: { result: StepResult; version: number }, failed: Effect[], now: Date): Promise<StepResult> {
  const keys = failed.map((effect) => EFFECT_FAILURE_TEXTS[effect.name]).filter((key) => key !== undefined);
  if (!keys.length) return saved.result;
  const { result } = saved;
  const state = addNotices(result.state, keys);
  try {
    await ctx.sessions.save(id, state, saved.version, ctx.sessionTtlMs);
  } catch (error) {
    ctx.logger.error({ conversation: id, error: (error as Error).name }, 'saving a notice failed');
  }
  return { ...result, replies: [...result.replies, ...noticeReplies(bundle, result.state, keys, now)] };
}

/** load → step → save with compare-and-set; undefined when another turn saved first. */
async function attemptTurn(
  ctx: Context,
  id: string,
  input: Input,
  turnKey: string | undefined,
): Promise<{ result: StepResult; bundle: Bundle; version: number } | undefined> {
  const record = await load(ctx, id);
  refuseRepeatedTurn(record.state, turnKey);
  const bundle = ctx.content.current();
  const now = ctx.clock();
  checkInput(bundle, record.state, input, now);
  const stepped = step(bundle, record.state, input, { now });
  const state = withTurnKey(carryNotices(record.state, stepped.state), turnKey);
  const result = state === stepped.state ? stepped : { ...stepped, state };
  const saved = await ctx.sessions.save(id, result.state, record.version, ctx.sessionTtlMs);
  return saved && { result, bundle, version: saved.version };
}

async function turn(ctx: Context, id: string, body: TurnBody, turnKey?: string): Promise<TurnView> {
  const started = performance.now();
  const input = toInput(body);
  let outcome = await attemptTurn(ctx, id, input, turnKey);
  if (!outcome) {
    ctx.logger.info({ conversation: id }, 'turn raced another turn: retrying');
    outcome = await attemptTurn(ctx, id, input, turnKey);
  }
  if (!outcome) throw new AppError('conflict');
  const { bundle } = outcome;
  const now = ctx.clock();
  const failed = await runEffects(ctx.effects, outcome.result.effects, { conversationId: id, now, logger: ctx.logger });
  const result = await noticeFailures(ctx, id, bundle, outcome, failed, now);
  const { flow, node } = result.state;
  // At debug: the request's own line already says which conversation answered and how fast, and a
  // line per turn at info would leave a trail of where each citizen is in which journey, for one
  // more line (about 6 µs) on every turn. The metrics count turns and their time per flow.
  ctx.logger.debug({ conversation: id, input: input.type, flow, node, ms: elapsed(started) }, 'turn');
  ctx.observer?.turned(flow, elapsed(started));
  return view(bundle, result);
}

function replayedTranscript(bundle: Bundle, state: ConversationState, now: Date) {
  return replay(bundle, state.log, { municipality: state.municipality, locale: state.locale }, now.getTime()).transcript;
}

/** The transcript as the citizen saw it: the replay, with the notices said after their turns. */
function transcriptOf(bundle: Bundle, state: StateWithNotices, now: Date) {
  return withStoredNotices(bundle, state, replayedTranscript(bundle, state, now), now);
}

async function get(ctx: Context, id: string): Promise<ConversationView> {
  const { state } = await load(ctx, id);
  const bundle = ctx.content.current();
  const now = ctx.clock();
  const current = present(bundle, state, { now });
  const { locale, municipality } = current.state;
  return {
    id,
    locale,
    dir: dirOf(bundle, locale),
    locales: localeOptions(bundle),
    municipality,
    done: state.done,
    transcript: transcriptOf(bundle, state, now),
    prompt: current.prompt,
  };
}

async function document(ctx: Context, id: string, docId: string, format: RenderedFormat): Promise<RenderedDocument> {
  const { state } = await load(ctx, id);
  const bundle = ctx.content.current();
  // Notices are texts, never documents: the plain replay has every document.
  const doc = replayedTranscript(bundle, state, ctx.clock())
    .flatMap((entry) => (entry.role === 'bot' ? entry.replies : []))
    .filter((reply): reply is DocumentReply => reply.type === 'document' && reply.id === docId)
    .at(-1);
  if (!doc) throw new AppError('unknown_document');
  return renderDocument(doc, format, {
    locale: state.locale,
    dir: dirOf(bundle, state.locale),
    municipalityName: placeOf(bundle, state.municipality).municipality.name,
    uidSeed: `${id}/${docId}`,
    now: ctx.clock(),
  });
}

async function erase(ctx: Context, id: string): Promise<void> {
  if (!ID_PATTERN.test(id)) throw new AppError('unknown_conversation');
  const existed = await ctx.sessions.delete(id);
  const requests = ctx.requests ? await ctx.requests.deleteByConversation(id) : 0;
  if (!existed && requests === 0) throw new AppError('unknown_conversation');
  ctx.logger.info({ conversation: id, requests }, 'conversation erased');
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
