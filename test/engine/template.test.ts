import { describe, expect, it } from 'vitest';
import { renderTemplate, startConversation, step } from '../../src/engine/index.js';
import type { Reply } from '../../src/engine/types.js';
import { realBundle } from '../adviser/real-bundle.js';

const FSI = '\u2068';
const PDI = '\u2069';
const clock = { now: new Date('2026-11-20T10:00:00Z') };

function texts(replies: Reply[]): string {
  return replies.map((reply) => ('text' in reply ? reply.text : '')).join('\n');
}

describe('renderTemplate', () => {
  const values = { municipality: { contacts: { citizen_service: { phone: '70 00 00 00' } } }, when: '2026-03-03' };

  it('fills values as they are in left-to-right text', () => {
    expect(renderTemplate('Ring {municipality.contacts.citizen_service.phone}.', values, 'da')).toBe('Ring 70 00 00 00.');
  });

  it('sets each value apart in right-to-left text, so its digits keep their order, but not a fallback', () => {
    const text = 'اتصل {municipality.contacts.citizen_service.phone}، {missing|الموقع} {when:date-short}.';
    const filled = renderTemplate(text, values, 'ar', true);
    expect(filled.startsWith(`اتصل ${FSI}70 00 00 00${PDI}، الموقع ${FSI}`)).toBe(true);
    expect(filled.endsWith(`${PDI}.`)).toBe(true);
  });
});

describe('values in the real right-to-left content', () => {
  it('an Arabic conversation shows the municipality phone number isolated; a Danish one does not', async () => {
    const bundle = await realBundle();
    const replies = (locale: string) => {
      const { state } = startConversation(bundle, { municipality: 'demo', locale }, clock);
      return texts(step(bundle, state, { type: 'action', action: 'human' }, clock).replies);
    };
    expect(replies('ar')).toContain(`${FSI}70 00 00 00${PDI}`);
    expect(replies('da')).toContain('70 00 00 00');
    expect(replies('da')).not.toContain(FSI);
  });
});
