/**
 * The registry of computed values a flow may name in `compute: { slot: { fn, args } }`.
 * Each function is pure: it gets its arguments (read from slots) and today's date, and
 * returns a slot value, or undefined when the arguments are missing or malformed (then
 * the slot stays unset and texts use their fallbacks).
 */
import { complaintDeadline, isDelivery, isLetterDate } from './deadline.js';
import type { SlotValue } from './types.js';

export interface ComputeFunction {
  /** Parameter names the flow must map to slots. */
  params: readonly string[];
  /** How the value is worked out, in words an adviser can read next to the script. */
  explain: string;
  run(args: Record<string, SlotValue | undefined>, today: string): SlotValue | undefined;
}

export const COMPUTE_FUNCTIONS: Record<string, ComputeFunction> = {
  complaintDeadline: {
    params: ['decisionDate', 'delivery'],
    explain:
      'The last day to complain: 4 weeks after the decision was received (the day it arrived is not counted). ' +
      'Digital Post counts as received the same day, ordinary post 6 weekdays after the date on the letter, ' +
      'Quickpost 2 days after; unknown counts as Digital Post. A last day on a weekend or public holiday moves ' +
      'to the next working day.',
    run(args, today) {
      const delivery = args.delivery ?? 'unknown';
      if (!isLetterDate(args.decisionDate) || !isDelivery(delivery)) return undefined;
      return { ...complaintDeadline(args.decisionDate, delivery, today) };
    },
  },
};

export const COMPUTE_NAMES = Object.keys(COMPUTE_FUNCTIONS);
