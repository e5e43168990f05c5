import { describe, expect, it } from 'vitest';
import { adviserNotice } from '../../src/delivery/adviser-notice.js';
import { slackNoticeBlocks } from '../../src/delivery/slack-target.js';
import { teamsNoticeCard } from '../../src/delivery/teams-target.js';
import { adviserRequest, bundleWithTopics } from './delivery-fixture.js';

describe('adviserNotice', () => {
  it('names the municipality and the topic in words, with the contact details and the Danish time', () => {
    expect(adviserNotice(adviserRequest({ email: 'ada@example.dk' }), bundleWithTopics())).toEqual({
      requestId: 'r4Nd0mReQuEsT1d000000a',
      municipality: 'Demo Kommune',
      topic: 'En afgørelse, jeg har fået',
      name: 'Ada <!channel> Jensen',
      phone: '+45 12 34 56 78',
      email: 'ada@example.dk',
      receivedAt: '23. november 2026 kl. 11.58',
    });
  });

  it('falls back to the topic id and the municipality id when the content does not know them', () => {
    const notice = adviserNotice(adviserRequest({ topic: 'complaint', municipality: 'gone' }), bundleWithTopics());
    expect(notice).toMatchObject({ topic: 'complaint', municipality: 'gone' });
  });
});

describe('the advisers’ message', () => {
  const notice = adviserNotice(adviserRequest(), bundleWithTopics());

  it('in Slack: escapes what the citizen typed, so it cannot ping the channel', () => {
    expect(slackNoticeBlocks(notice)).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Ny henvendelse: en borger vil gerne kontaktes' } },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Kommune*\nDemo Kommune' }, { type: 'mrkdwn', text: '*Emne*\nEn afgørelse, jeg har fået' }] },
      { type: 'section', fields: [{ type: 'mrkdwn', text: '*Navn*\nAda &lt;!channel&gt; Jensen' }, { type: 'mrkdwn', text: '*Telefon*\n+45 12 34 56 78' }] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'Modtaget 23. november 2026 kl. 11.58 via Medspiller · henvendelse r4Nd0mReQuEsT1d000000a' }] },
    ]);
  });

  it('says so when the citizen left no phone or e-mail', () => {
    const bare = adviserNotice(adviserRequest({ name: undefined, phone: undefined }), bundleWithTopics());
    expect(slackNoticeBlocks(bare)[2]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: 'Borgeren gav ingen telefon eller e-mail. Svar via kommunens sædvanlige kanaler.' } });
  });

  it('in Teams: a card with the facts, with link and tag characters taken out of what the citizen typed', () => {
    expect(teamsNoticeCard({ ...notice, name: 'Ada [klik](https://evil.example) <b>Jensen</b>' }).content).toMatchObject({
      body: [
        { type: 'TextBlock', text: 'Ny henvendelse: en borger vil gerne kontaktes', size: 'Medium', weight: 'Bolder', wrap: true },
        {
          type: 'FactSet',
          facts: [
            { title: 'Kommune', value: 'Demo Kommune' },
            { title: 'Emne', value: 'En afgørelse, jeg har fået' },
            { title: 'Navn', value: 'Ada klik(https://evil.example) bJensen/b' },
            { title: 'Telefon', value: '+45 12 34 56 78' },
          ],
        },
        { type: 'TextBlock', text: 'Modtaget 23. november 2026 kl. 11.58 via Medspiller · henvendelse r4Nd0mReQuEsT1d000000a', size: 'Small', isSubtle: true, wrap: true },
      ],
    });
  });
});
