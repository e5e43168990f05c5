/**
 * The names YAML may use that code supplies: effects in `do:` (this layer's
 * registry) and compute functions (the engine's); and what content must supply
 * because the engine shows it by itself (system nodes, scale labels), or this
 * layer does (the notice of an effect that failed). Passed to the content loader so `medspiller check`, start-up and every reload reject
 * an unknown name or a missing piece.
 */
import { COMPUTE_NAMES, ENGINE_TEXT_KEYS, SYSTEM_NODES } from '../engine/index.js';
import { SURVEY_QUESTION_KEYS } from '../survey/questions.js';
import { EFFECT_FAILURE_TEXTS, EFFECT_NAMES } from './effects.js';

export const CONTENT_NAMES = {
  knownEffects: [...EFFECT_NAMES],
  knownComputes: [...COMPUTE_NAMES],
  requiredSystemNodes: [...SYSTEM_NODES],
  requiredTextKeys: [...ENGINE_TEXT_KEYS, ...Object.values(EFFECT_FAILURE_TEXTS).filter((key) => key !== undefined)],
  knownSurveyQuestions: [...SURVEY_QUESTION_KEYS],
} as const;
