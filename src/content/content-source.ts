/**
 * The running server's content: loads the bundle once (refusing to start on
 * errors), reloads on demand or when files change, and swaps the bundle only
 * when the new one has no errors. A broken edit keeps the last good bundle
 * serving. Each load logs its problems as `medspiller check` prints them
 * (`file:line:column  message  (hint: …)`), warnings included.
 */
import { watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { Bundle } from '../engine/types.js';
import { loadBundle, type LoadOptions } from './load-bundle.js';
import { list } from './read-files.js';
import { formatProblem, sortProblems, type Problem } from './problem.js';

/** The logging this module needs (pino's Logger fits). */
export interface ContentLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface ContentSourceOptions {
  /** Reload when a file under flows/ or content/ changes. */
  watch: boolean;
  logger: ContentLogger;
  loadOptions?: LoadOptions;
  /** Quiet time after the last change before reloading (an editor saves in bursts). */
  debounceMs?: number;
  /**
   * A bundle the caller has just loaded from `dir` with the same load options (e.g.
   * `medspiller start`, which checks the content first): served instead of loading it again.
   */
  initial?: Bundle;
}

export interface ReloadResult {
  /** True when the new bundle is serving (or nothing changed). */
  ok: boolean;
  problems: Problem[];
}

export interface ContentSource {
  current(): Bundle;
  reload(): Promise<ReloadResult>;
  /** Called with each new bundle after a successful reload that changed something; returns an unsubscribe function. */
  onChange(listener: (bundle: Bundle) => void): () => void;
  close(): void;
}

/** Whether a content provider can reload (a ContentSource can; fixed content in tests cannot). */
export function isReloadable<T extends object>(content: T): content is T & Pick<ContentSource, 'reload' | 'current'> {
  return typeof (content as Partial<ContentSource>).reload === 'function';
}

/** Thrown by createContentSource when the content has errors at start-up. */
export class ContentLoadError extends Error {
  constructor(readonly problems: Problem[]) {
    const errors = problems.filter((p) => p.severity === 'error');
    super(`the content has ${errors.length} error${errors.length === 1 ? '' : 's'}:\n${sortProblems(errors).map(formatProblem).join('\n')}`);
    this.name = 'ContentLoadError';
  }
}

async function firstLoad(dir: string, options: ContentSourceOptions): Promise<Bundle> {
  const first = await loadBundle(dir, options.loadOptions);
  if (!first.bundle) throw new ContentLoadError(first.problems);
  options.logger.info({ version: first.bundle.version, warnings: first.problems.length, problems: logLines(first.problems) }, 'content loaded');
  return first.bundle;
}

export async function createContentSource(dir: string, options: ContentSourceOptions): Promise<ContentSource> {
  const { logger } = options;
  let bundle = options.initial ?? (await firstLoad(dir, options));
  if (options.initial) logger.info({ version: bundle.version }, 'content loaded');
  const listeners = new Set<(bundle: Bundle) => void>();
  let pending: Promise<ReloadResult> = Promise.resolve({ ok: true, problems: [] });

  const load = async (): Promise<ReloadResult> => {
    const result = await loadBundle(dir, options.loadOptions);
    if (!result.bundle) {
      logger.error({ version: bundle.version, problems: logLines(result.problems) }, 'content reload rejected: keeping the last good version');
      return { ok: false, problems: result.problems };
    }
    if (result.bundle.version !== bundle.version) {
      bundle = result.bundle;
      logger.info({ version: bundle.version, warnings: result.problems.length, problems: logLines(result.problems) }, 'content reloaded');
      for (const listener of listeners) notify(listener, bundle, logger);
    }
    return { ok: true, problems: result.problems };
  };
  // Reloads run one at a time, so an older load never replaces a newer one.
  const reload = (): Promise<ReloadResult> => (pending = pending.then(load, load));

  const watcher = options.watch ? await watchFolders(dir, options.debounceMs ?? 200, () => void reload(), logger) : undefined;
  return {
    current: () => bundle,
    reload,
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => watcher?.close(),
  };
}

function notify(listener: (bundle: Bundle) => void, bundle: Bundle, logger: ContentLogger): void {
  try {
    listener(bundle);
  } catch (error) {
    logger.error({ error: (error as Error).message }, 'a content change listener failed');
  }
}

/** At most this many problem lines in one log entry: a badly broken edit must not flood the log. */
const LOGGED_PROBLEMS = 50;

/**
 * The lines `medspiller check` prints, hints and warnings included; errors first, so the
 * cut at LOGGED_PROBLEMS never hides an error behind warnings.
 */
function logLines(problems: readonly Problem[]): string[] {
  const sorted = sortProblems(problems);
  const ordered = [...sorted.filter((p) => p.severity === 'error'), ...sorted.filter((p) => p.severity !== 'error')];
  const lines = ordered.slice(0, LOGGED_PROBLEMS).map(formatProblem);
  if (ordered.length > LOGGED_PROBLEMS) lines.push(`and ${ordered.length - LOGGED_PROBLEMS} more`);
  return lines;
}

/**
 * Watches flows/, content/ and every folder below them, each folder on its own. Not
 * `recursive: true`: on Linux, Node 20 then watches each file, and loses a file once it
 * is replaced by a renamed copy (an editor's atomic save, `sed -i`, git checkout). A
 * folder's watch sees every name in it, whatever file it is. After each burst of changes
 * the folders are listed and watched again, so new and replaced folders are seen too.
 */
async function watchFolders(dir: string, debounceMs: number, onChange: () => void, logger: ContentLogger): Promise<{ close(): void }> {
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let watchers: FSWatcher[] = [];
  const unwatchable = new Set<string>();
  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void rewatch().then(() => closed || onChange()), debounceMs);
  };
  const watchFolder = (folder: string): FSWatcher | undefined => {
    try {
      const watcher = watch(join(dir, ...folder.split('/')), { persistent: false }, changed);
      watcher.on('error', (error) => logger.warn({ folder, error: error.message }, 'content watcher failed'));
      unwatchable.delete(folder);
      return watcher;
    } catch (error) {
      if (!unwatchable.has(folder)) logger.warn({ folder, error: (error as Error).message }, 'cannot watch content folder');
      unwatchable.add(folder);
      return undefined;
    }
  };
  // The new watchers start before the old ones stop, so no change falls between them.
  const rewatch = async (): Promise<void> => {
    const folders = await foldersUnder(dir, ['flows', 'content']);
    if (closed) return;
    const old = watchers;
    watchers = folders.map(watchFolder).filter((w) => w !== undefined);
    for (const watcher of old) watcher.close();
  };
  await rewatch();
  return {
    close() {
      closed = true;
      clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}

/** `roots` and every folder below them, as "/"-separated paths relative to `dir` (a root that cannot be listed is kept, so its watch reports why). */
async function foldersUnder(dir: string, roots: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  const visit = async (folder: string): Promise<void> => {
    found.push(folder);
    for (const entry of (await list(dir, folder)) ?? []) if (entry.dir) await visit(`${folder}/${entry.name}`);
  };
  for (const root of roots) await visit(root);
  return found;
}
