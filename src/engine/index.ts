/**
 * The dialogue engine's public surface. Everything exported here is pure: a function of
 * (bundle, state, input, clock) with no I/O, no global clock and no randomness.
 */
export { step, startConversation, intentOf, INTENTS } from './step.js';
export { replay, type TranscriptEntry, type Replayed } from './replay.js';
export { timeOf, upgradeState, type LogEntry } from './log.js';
export { initialState, notice, present, resolveNext, SYSTEM_FLOW, SYSTEM_NODES, type StartOptions } from './turn.js';
export { COMPUTE_FUNCTIONS, COMPUTE_NAMES, type ComputeFunction } from './compute.js';
export { complaintDeadline, receivedDate, type ComplaintDeadline, type Delivery } from './deadline.js';
export { formatDate, todayInDenmark, isIsoDate, isPublicHoliday, isWorkingDay } from './dates.js';
export { parseDateText } from './date-text.js';
export { renderTemplate, templatePlaceholders, readPath, TEMPLATE_FORMATS } from './template.js';
export { evaluate } from './conditions.js';
export { ENGINE_TEXT_KEYS, MORE_CHOICES_ID, SCALE_VALUES, SCALE_UNKNOWN } from './render.js';
export { findEntry, legalSource, localeChain } from './texts.js';
export { knownLocale, knownMunicipality, placeOf } from './place.js';
export * from './types.js';
