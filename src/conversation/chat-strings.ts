/**
 * The few words chat channels (Slack, Teams) add around the content's texts:
 * button and field labels of their own. Like the widget's strings, they are part
 * of the user interface, not of a flow. A locale without its own table (e.g.
 * "da-LET") uses Danish.
 */

export interface ChatStrings {
  /** Button that skips an optional question. */
  skip: string;
  /** Placeholder of a date picker. */
  pickDate: string;
  /** Button that sends a picked date. */
  send: string;
  /** Placeholder of a drop-down with many choices. */
  pickChoice: string;
  /** Before the law a text rests on. */
  source: string;
  /** Shown in place of the buttons once one was pressed. */
  youChose: string;
  /** When `/medspiller <flow>` names no flow; `{flow}` is the name given. */
  unknownFlow: string;
}

const da: ChatStrings = {
  skip: 'Spring over',
  pickDate: 'Vælg en dato',
  send: 'Send',
  pickChoice: 'Vælg',
  source: 'Kilde',
  youChose: 'Du valgte',
  unknownFlow: 'Jeg kender ikke en samtale, der hedder "{flow}". Du kan starte en af disse:',
};

const en: ChatStrings = {
  skip: 'Skip',
  pickDate: 'Pick a date',
  send: 'Send',
  pickChoice: 'Choose',
  source: 'Source',
  youChose: 'You chose',
  unknownFlow: 'I do not know a conversation called "{flow}". You can start one of these:',
};

const TABLES: Record<string, ChatStrings> = { da, en };

export function chatStrings(locale: string): ChatStrings {
  return TABLES[locale] ?? TABLES[locale.split('-')[0] ?? ''] ?? da;
}
