import { describe, expect, it } from 'vitest';
import { answeredBlocks, documentAsCodeBlock, render, type SlackOutgoing } from '../../../src/channels/slack/slack-render.js';
import { fromSlackText, splitText, toMrkdwn } from '../../../src/channels/slack/slack-mrkdwn.js';
import type { PromptChoice } from '../../../src/engine/types.js';

const choices = (n: number, label = (i: number) => `Valg ${i + 1}`): PromptChoice[] =>
  Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, label: label(i) }));

function only(out: SlackOutgoing[]) {
  expect(out).toHaveLength(1);
  const [first] = out;
  if (first?.kind !== 'post') throw new Error('expected a post');
  return first;
}

describe('splitText', () => {
  const paragraph = (word: string, words: number) => Array.from({ length: words }, () => word).join(' ');

  it('ends a piece at a paragraph break rather than at a later line break', () => {
    const first = `${paragraph('første', 12)}\n\n${paragraph('anden', 3)}`;
    const text = `${first}\nen linje mere\nog en til`;
    expect(splitText(text, first.length + 20)).toEqual([paragraph('første', 12), `${paragraph('anden', 3)}\nen linje mere\nog en til`]);
  });

  it('ends a piece at a line break, else between words, never inside a word', () => {
    const lines = `${paragraph('klage', 10)}\n${paragraph('frist', 10)}`;
    expect(splitText(lines, 80)).toEqual([paragraph('klage', 10), paragraph('frist', 10)]);
    const pieces = splitText(paragraph('Ankestyrelsen', 40), 100);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(100);
      expect(piece.split(' ').every((word) => word === 'Ankestyrelsen')).toBe(true);
    }
    expect(pieces.join(' ')).toBe(paragraph('Ankestyrelsen', 40));
  });

  it('cuts inside a word only where the second half of a piece has no space to cut at', () => {
    expect(splitText('x'.repeat(250), 100)).toEqual(['x'.repeat(100), 'x'.repeat(100), 'x'.repeat(50)]);
    expect(splitText('abc defgh', 8)).toEqual(['abc defg', 'h']);
  });

  it('never cuts inside a link, even at a space in its label', () => {
    const link = '<https://ast.dk/klage|Klag til Ankestyrelsen her>';
    const text = `${paragraph('frist', 8)} ${link} og mere`;
    const pieces = splitText(text, text.indexOf(link) + 30);
    expect(pieces).toEqual([paragraph('frist', 8), `${link} og mere`]);
  });

  it('moves a hard cut back to the start of a link or an entity, or off the middle of an emoji', () => {
    expect(splitText(`${'x'.repeat(60)}<https://ast.dk/klage|Ankestyrelsen>`, 80)).toEqual(['x'.repeat(60), '<https://ast.dk/klage|Ankestyrelsen>']);
    expect(splitText(`${'x'.repeat(98)}&amp;yyy`, 100)).toEqual(['x'.repeat(98), '&amp;yyy']);
    const emoji = '\u{1F44D}';
    expect(splitText(`${'x'.repeat(99)}${emoji}yy`, 100)).toEqual(['x'.repeat(99), `${emoji}yy`]);
  });

  it('never gives an empty piece', () => {
    expect(splitText(`${' '.repeat(10)}hello world`, 8)).toEqual(['hello', 'world']);
  });
});

describe('toMrkdwn', () => {
  it('turns the content Markdown into mrkdwn', () => {
    expect(toMrkdwn('Du har **4 uger** til at _klage_.\n- én\n- to\nSe [Ankestyrelsen](https://ast.dk/klage).')).toBe(
      'Du har *4 uger* til at _klage_.\n• én\n• to\nSe <https://ast.dk/klage|Ankestyrelsen>.',
    );
  });

  it('escapes what a citizen typed, so it cannot ping a channel or make a link', () => {
    expect(toMrkdwn('Jeg hedder <!channel> & <https://evil.example|klik>')).toBe('Jeg hedder &lt;!channel&gt; &amp; &lt;https://evil.example|klik&gt;');
    expect(toMrkdwn('[klik](javascript:alert(1))')).toBe('[klik](javascript:alert(1))');
  });

  it('reads what a user wrote without the mention and Slack’s escapes', () => {
    expect(fromSlackText('<@U0MEDSBOT> 2.11.2026 &amp; &lt;ok&gt; <https://dukh.dk|dukh.dk> <#C0ADVISERS|raadgivere>')).toBe(
      '2.11.2026 & <ok> dukh.dk #raadgivere',
    );
  });
});

describe('render', () => {
  it('puts the law a text rests on in a context block under it', () => {
    const post = only(
      render({
        locale: 'da',
        prompt: { kind: 'none' },
        replies: [{ type: 'text', key: 'k', text: 'Fristen er 4 uger.', legal: { source: 'Retssikkerhedsloven § 67', sourceUrl: 'https://www.retsinformation.dk/eli/lta/2024/1234', reviewed: '2026-11-01' } }],
      }),
    );
    expect(post.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Fristen er 4 uger.' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Kilde: <https://www.retsinformation.dk/eli/lta/2024/1234|Retssikkerhedsloven § 67>' } ] },
    ]);
    expect(post.text).toBe('Fristen er 4 uger.');
  });

  it('offers more choices than one actions block holds as a drop-down', () => {
    const post = only(render({ locale: 'da', replies: [], prompt: { kind: 'choice', choices: choices(30) } }));
    expect(post.blocks).toEqual([
      {
        type: 'actions',
        elements: [
          {
            type: 'static_select',
            action_id: 'medspiller.select',
            placeholder: { type: 'plain_text', text: 'Vælg', emoji: true },
            options: choices(30).map((c) => ({ text: { type: 'plain_text', text: c.label, emoji: true }, value: c.id })),
          },
        ],
      },
    ]);
  });

  it('lists labels too long for a button by number, with number buttons', () => {
    const long = choices(2, (i) => `${'Jeg vil gerne have hjælp til at forberede mig til et møde med kommunen '.repeat(2)}${i}`);
    const post = only(render({ locale: 'da', replies: [], prompt: { kind: 'choice', choices: long } }));
    expect(post.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: `1. ${long[0]!.label}\n2. ${long[1]!.label}` } });
    expect(post.blocks[1]).toMatchObject({ type: 'actions', elements: [{ text: { text: '1' }, value: 'c1' }, { text: { text: '2' }, value: 'c2' }] });
  });

  it('asks for a date with a date picker, and offers "skip" for an optional text', () => {
    expect(only(render({ locale: 'en', replies: [], prompt: { kind: 'date', question: 'When?' } })).blocks[1]).toEqual({
      type: 'actions',
      elements: [{ type: 'datepicker', action_id: 'medspiller.date', placeholder: { type: 'plain_text', text: 'Pick a date', emoji: true } }],
    });
    expect(only(render({ locale: 'da', replies: [], prompt: { kind: 'text', optional: true } })).blocks).toEqual([
      { type: 'actions', elements: [{ type: 'button', action_id: 'medspiller.skip', text: { type: 'plain_text', text: 'Spring over', emoji: true }, value: 'skip' }] },
    ]);
  });

  it('posts a document as its own message, then as a file; as a code block when no file can be uploaded', () => {
    const out = render({
      locale: 'da',
      prompt: { kind: 'none' },
      replies: [
        { type: 'text', key: 'a', text: 'Her er brevet.' },
        { type: 'document', key: 'd', id: 'complaint_letter', title: 'Klage', text: 'Til kommunen\n\nJeg klager. <3', formats: ['txt'] },
      ],
    });
    expect(out.map((o) => o.kind)).toEqual(['post', 'post', 'upload']);
    expect(out[1]).toEqual({
      kind: 'post',
      text: 'Klage',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Klage', emoji: true } },
        { type: 'section', text: { type: 'mrkdwn', text: 'Til kommunen\n\nJeg klager. &lt;3' } },
      ],
    });
    const upload = out[2] as Extract<SlackOutgoing, { kind: 'upload' }>;
    expect(upload).toEqual({ kind: 'upload', filename: 'complaint_letter.txt', title: 'Klage', content: 'Klage\n=====\n\nTil kommunen\n\nJeg klager. <3\n' });
    expect(documentAsCodeBlock(upload).blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: '```\nKlage\n=====\n\nTil kommunen\n\nJeg klager. &lt;3\n\n```' } },
    ]);
  });

  it('splits more than 50 blocks over several messages', () => {
    const replies = Array.from({ length: 60 }, (_, i) => ({ type: 'text' as const, key: `k${i}`, text: `Tekst ${i}` }));
    const out = render({ locale: 'da', replies, prompt: { kind: 'none' } });
    expect(out.map((o) => (o.kind === 'post' ? o.blocks.length : 0))).toEqual([50, 10]);
  });

  it('replaces an answered question’s buttons by the answer', () => {
    const blocks = only(render({ locale: 'da', replies: [], prompt: { kind: 'choice', question: 'Hvad?', choices: choices(2) } })).blocks;
    expect(answeredBlocks(blocks, 'Valg <1>', 'da')).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Hvad?' } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Du valgte: *Valg &lt;1&gt;*' }] },
    ]);
  });
});
