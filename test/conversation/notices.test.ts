import { describe, expect, it } from 'vitest';
import { addNotices, carryNotices, withStoredNotices, type StateWithNotices } from '../../src/conversation/notices.js';
import type { TranscriptEntry } from '../../src/conversation/types.js';
import type { LogEntry } from '../../src/engine/index.js';
import { fixtureBundle } from './fixture-bundle.js';

const KEY = 'system.request_not_stored';
const NOW = new Date('2026-11-23T10:00:00Z');

function stateWithLog(log: LogEntry[], notices?: StateWithNotices['notices']): StateWithNotices {
  return { v: 2, flow: 'menu', node: 'welcome', slots: {}, locale: 'da', municipality: 'demo', contentVersion: 'fixture-1', log, done: false, ...(notices && { notices }) };
}

const LOG: LogEntry[] = [
  [1_000, 'start'],
  [2_000, 'choice', 'letter'],
  [3_000, 'text', 'Ada'],
];

describe('notices kept with the state', () => {
  it('are said after the latest turn', () => {
    expect(addNotices(stateWithLog(LOG), [KEY]).notices).toEqual([[3_000, 2, KEY]]);
  });

  it('stay while their turn is in the log, and go with it', () => {
    const before = stateWithLog(LOG, [[2_000, 1, KEY]]);
    expect(carryNotices(before, stateWithLog([...LOG, [4_000, 'choice', 'yes']])).notices).toEqual([[2_000, 1, KEY]]);
    // A step back replays the log without its last answer.
    expect(carryNotices(before, stateWithLog(LOG.slice(0, 1))).notices).toBeUndefined();
    // Starting again writes a new log: an entry at the same place, from another time, is another turn.
    expect(carryNotices(stateWithLog(LOG, [[1_000, 0, KEY]]), stateWithLog([[5_000, 'start']])).notices).toBeUndefined();
  });

  it('are shown in a replayed transcript after the bot answer to their turn, in the conversation language', () => {
    const bot = (text: string): TranscriptEntry => ({ role: 'bot', replies: [{ type: 'text', key: text, text }], prompt: { kind: 'none' } });
    const citizen = (text: string): TranscriptEntry => ({ role: 'citizen', text });
    const transcript = [bot('start'), citizen('brev'), bot('name?'), citizen('Ada'), bot('consent?')];
    const state = stateWithLog(LOG, [[2_000, 1, KEY], [9_999, 2, KEY]]);

    const shown = withStoredNotices(fixtureBundle(), state, transcript, NOW);
    const keysOf = (entry: TranscriptEntry) => (entry.role === 'bot' ? entry.replies.map((r) => r.key) : []);
    expect(shown.map(keysOf)).toEqual([['start'], [], ['name?', KEY], [], ['consent?']]);
    const notice = shown[2]!.role === 'bot' ? shown[2]!.replies[1] : undefined;
    expect(notice).toMatchObject({ type: 'text', text: 'Din besked blev ikke gemt. Ring til 70 10 20 30.' });
    expect(withStoredNotices(fixtureBundle(), stateWithLog(LOG), transcript, NOW)).toBe(transcript);
  });
});
