import { describe, expect, it } from 'vitest';
import { problemsOf, yaml } from './helpers.js';

const needs = { requiredSystemNodes: ['help', 'human'], requiredTextKeys: ['system.more_choices'] };

describe('engine-needs check', () => {
  it('requires the system flow when the engine needs its nodes', async () => {
    expect(await problemsOf({}, needs)).toEqual([
      'content/settings.yaml:1:1  there is no flow "system"  (hint: add flows/system.yaml with the nodes help, human)',
      'content/settings.yaml:4:3  content key "system.more_choices" has no text in da; the engine shows it by itself  (hint: add it to a file in content/da/)',
    ]);
  });

  it('names each missing system node and engine text', async () => {
    const problems = await problemsOf(
      {
        'flows/system.yaml': yaml('id: system', 'title: system.title', 'entry: help', 'nodes:', '  help: { say: [system.help] }'),
        'content/da/system.yaml': yaml('system.title: System', 'system.help: Hjælp'),
      },
      needs,
    );
    expect(problems).toEqual([
      'content/settings.yaml:4:3  content key "system.more_choices" has no text in da; the engine shows it by itself  (hint: add it to a file in content/da/)',
      'flows/system.yaml:5:3  the system flow has no node "human", which the engine shows by itself  (hint: add a node "human" with a say: list)',
    ]);
  });

  it('is silent when the caller names no needs', async () => {
    expect(await problemsOf({})).toEqual([]);
  });
});
