/**
 * Writing slot values at dotted paths (`deadline.date`), the counterpart of template.ts' readPath.
 *
 * Pure: returns nothing, mutates only the `slots` object it is given (a per-turn copy).
 */
import type { SlotValue, Slots } from './types.js';

export function setSlot(slots: Slots, path: string, value: SlotValue | undefined): void {
  const parts = path.split('.');
  const last = parts.pop()!;
  let target: Record<string, SlotValue> = slots;
  for (const part of parts) {
    const inner = target[part];
    const next: Record<string, SlotValue> =
      inner !== null && typeof inner === 'object' && !Array.isArray(inner) ? { ...inner } : {};
    target[part] = next;
    target = next;
  }
  if (value === undefined) delete target[last];
  else target[last] = value;
}
