/**
 * "Læs op": reads text with the browser's own speech synthesis (nothing leaves
 * the device). Picks a voice for the conversation's language when there is one.
 */
const REGION: Record<string, string> = { da: 'da-DK', en: 'en-GB' };

export function canSpeak(): boolean {
  return typeof window.speechSynthesis !== 'undefined' && typeof window.SpeechSynthesisUtterance !== 'undefined';
}

export function isSpeaking(): boolean {
  return canSpeak() && window.speechSynthesis.speaking;
}

export function stopSpeaking(): void {
  if (canSpeak()) window.speechSynthesis.cancel();
}

/** Speaks `text` in `languageTag` ('da', 'en', …); `onEnd` runs when it stops for any reason. */
export function speak(text: string, languageTag: string, onEnd: () => void): void {
  const synth = window.speechSynthesis;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = REGION[languageTag] ?? languageTag;
  const voice = synth.getVoices().find((v) => v.lang.toLowerCase().startsWith(languageTag));
  if (voice) utterance.voice = voice;
  utterance.rate = 0.95;
  utterance.onend = onEnd;
  utterance.onerror = onEnd;
  synth.speak(utterance);
}
