import { describe, expect, it } from 'vitest';
import { render } from '../../../src/channels/teams/teams-render.js';

const card = (body: unknown[], actions?: unknown[]) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.4', body, ...(actions && { actions }) },
});

describe('render (Teams)', () => {
  it('says texts as one Markdown message, the law in italics under a legal text', () => {
    expect(
      render({
        locale: 'da',
        prompt: { kind: 'text', question: 'Hvad hedder du?' },
        replies: [
          { type: 'text', key: 'a', text: 'Fristen er **4 uger**.', legal: { source: 'Retssikkerhedsloven § 67', sourceUrl: 'https://www.retsinformation.dk/eli/lta/2024/1234', reviewed: '2026-11-01' } },
          { type: 'checklist', key: 'c', title: 'Tag med', items: [{ key: 'i', text: 'Afgørelsen' }] },
          { type: 'link', key: 'l', label: 'DUKH', href: 'https://dukh.dk' },
        ],
      }),
    ).toEqual([
      {
        type: 'message',
        textFormat: 'markdown',
        text:
          'Fristen er **4 uger**.\n\n_Kilde: [Retssikkerhedsloven § 67](https://www.retsinformation.dk/eli/lta/2024/1234)_\n\n' +
          '**Tag med**\n\n- Afgørelsen\n\n[DUKH](https://dukh.dk)\n\nHvad hedder du?',
      },
    ]);
  });

  it('shows a document as an Adaptive Card of its own', () => {
    expect(
      render({ locale: 'da', prompt: { kind: 'none' }, replies: [{ type: 'document', key: 'd', id: 'complaint_letter', title: 'Klage', text: 'Til kommunen\n\nJeg klager.', formats: ['txt'] }] }),
    ).toEqual([
      {
        type: 'message',
        attachments: [
          card([
            { type: 'TextBlock', text: 'Klage', wrap: true, size: 'Medium', weight: 'Bolder' },
            { type: 'TextBlock', text: 'Til kommunen', wrap: true },
            { type: 'TextBlock', text: 'Jeg klager.', wrap: true },
          ]),
        ],
      },
    ]);
  });

  it('asks for a date with a date field, never later than allowed', () => {
    expect(render({ locale: 'en', replies: [], prompt: { kind: 'date', question: 'When?', max: '2026-11-23' } })).toEqual([
      {
        type: 'message',
        attachments: [
          card(
            [
              { type: 'TextBlock', text: 'When?', wrap: true },
              { type: 'Input.Date', id: 'date', label: 'Pick a date', isRequired: true, max: '2026-11-23' },
            ],
            [{ type: 'Action.Submit', title: 'Send', data: { medspiller: 'date' } }],
          ),
        ],
      },
    ]);
  });

  it('offers "skip" for an optional text', () => {
    const [message] = render({ locale: 'da', replies: [], prompt: { kind: 'text', question: 'Noget at tilføje?', optional: true } });
    expect(message?.attachments?.[0]?.content.actions).toEqual([
      { type: 'Action.Submit', title: 'Spring over', data: { medspiller: 'skip', msteams: { type: 'messageBack', displayText: 'Spring over', text: 'Spring over' } } },
    ]);
  });
});
