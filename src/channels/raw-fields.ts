/**
 * Reading fields out of a chat platform's parsed JSON (a Slack event, a Bot
 * Framework activity), where any field may be missing or of another type.
 * Shared by the channels' inbound translations so neither imports the other.
 */

export type Raw = Record<string, unknown>;

/** A non-empty string, or undefined. */
export function str(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A plain object (not null, not an array), or undefined. */
export function obj(value: unknown): Raw | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : undefined;
}

/** Enough characters of a typed message to tell an over-long answer from a long one (the engine refuses it politely). */
export const INBOUND_TEXT_CAP = 4000;
