/**
 * "Læs op": reads text with a voice on the device. Only voices the browser says are local
 * (`localService`): Chrome's "Google …" and Edge's "Online" voices are synthesised on the vendor's
 * servers, and the text read may hold a name or a phone number. Without a local voice for the
 * conversation's language there is no button.
 */
const REGION: Record<string, string> = { da: 'da-DK', en: 'en-GB' };

function hasSpeechApi(): boolean {
  return typeof window.speechSynthesis !== 'undefined' && typeof window.SpeechSynthesisUtterance !== 'undefined';
}

function localVoice(languageTag: string): SpeechSynthesisVoice | undefined {
  return window.speechSynthesis.getVoices().find((v) => v.localService && v.lang.toLowerCase().startsWith(languageTag));
}

/** Whether text in `languageTag` ('da', 'en', …) can be read aloud on the device. */
export function canSpeak(languageTag: string): boolean {
  return hasSpeechApi() && localVoice(languageTag) !== undefined;
}

/** Browsers load their voices after the page: `onChange` runs when the list changes. */
export function onVoicesChanged(onChange: () => void): void {
  if (hasSpeechApi()) window.speechSynthesis.addEventListener?.('voiceschanged', onChange);
}

export function isSpeaking(): boolean {
  return hasSpeechApi() && window.speechSynthesis.speaking;
}

export function stopSpeaking(): void {
  if (hasSpeechApi()) window.speechSynthesis.cancel();
}

/** Speaks `text` in `languageTag` with a local voice; `onEnd` runs when it stops for any reason. */
export function speak(text: string, languageTag: string, onEnd: () => void): void {
  const voice = hasSpeechApi() ? localVoice(languageTag) : undefined;
  if (!voice) return onEnd();
  const synth = window.speechSynthesis;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = REGION[languageTag] ?? languageTag;
  utterance.voice = voice;
  utterance.rate = 0.95;
  utterance.onend = onEnd;
  utterance.onerror = onEnd;
  synth.speak(utterance);
}
