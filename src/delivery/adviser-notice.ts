/**
 * What the advisers are told about a citizen's request: the municipality, the
 * topic in words, how to reach the citizen and when they asked. Written in
 * Danish: the advisers are Danish staff. The targets (Slack, Teams) lay it out.
 *
 * Pure.
 */
import { knownMunicipality } from '../engine/place.js';
import { findEntry } from '../engine/texts.js';
import type { Bundle, ResolvedMunicipality } from '../engine/types.js';
import type { AdviserRequest } from '../stores/request-store.js';

export interface AdviserNotice {
  requestId: string;
  municipality: string;
  topic: string;
  name?: string;
  phone?: string;
  email?: string;
  /** "23. november 2026 kl. 11.58", Danish time. */
  receivedAt: string;
}

/** The notice's fixed words. */
export const NOTICE_TEXT = {
  title: 'Ny henvendelse: en borger vil gerne kontaktes',
  fallback: (municipality: string) => `Ny henvendelse fra en borger i ${municipality}`,
  municipality: 'Kommune',
  topic: 'Emne',
  name: 'Navn',
  phone: 'Telefon',
  email: 'E-mail',
  noContact: 'Borgeren gav ingen telefon eller e-mail. Svar via kommunens sædvanlige kanaler.',
  footer: (receivedAt: string, id: string) => `Modtaget ${receivedAt} via Medspiller · henvendelse ${id}`,
} as const;

const RECEIVED_FORMAT = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'long', timeStyle: 'short' });

/** The label of the choice the topic id was picked from (a node storing `topic`), else the id itself. */
function topicLabel(bundle: Bundle, place: ResolvedMunicipality, topic: string): string {
  let fallbackKey: string | undefined;
  for (const flow of Object.values(place.flows)) {
    for (const [nodeId, node] of Object.entries(flow.nodes)) {
      const choice = node.ask && 'choice' in node.ask ? node.ask.choice.find((c) => c.id === topic) : undefined;
      if (!choice) continue;
      if ((node.slot ?? nodeId) === 'topic') return findEntry(bundle, place, 'da', choice.label)?.text ?? topic;
      fallbackKey ??= choice.label;
    }
  }
  return (fallbackKey && findEntry(bundle, place, 'da', fallbackKey)?.text) || topic;
}

export function adviserNotice(request: AdviserRequest, bundle: Bundle): AdviserNotice {
  const id = knownMunicipality(bundle, request.municipality);
  const place = bundle.municipalities[id]!;
  return {
    requestId: request.id,
    // A municipality no longer in the content is named by its id, never mistaken for another.
    municipality: id === request.municipality ? place.municipality.name : request.municipality,
    topic: topicLabel(bundle, place, request.topic),
    ...(request.name && { name: request.name }),
    ...(request.phone && { phone: request.phone }),
    ...(request.email && { email: request.email }),
    receivedAt: RECEIVED_FORMAT.format(new Date(request.createdAt)),
  };
}

/** The contact lines of a notice, in order: [label, value]. */
export function contactFields(notice: AdviserNotice): Array<[string, string]> {
  const fields: Array<[string, string | undefined]> = [
    [NOTICE_TEXT.name, notice.name],
    [NOTICE_TEXT.phone, notice.phone],
    [NOTICE_TEXT.email, notice.email],
  ];
  return fields.filter((f): f is [string, string] => f[1] !== undefined);
}
