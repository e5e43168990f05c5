import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../src/engine/date-text.js';
import { formatDate, localToday } from '../../widget/date-input.js';

describe('formatDate and localToday', () => {
  it('shows dates as the server writes them in each language', () => {
    expect(formatDate('2026-03-03', 'da')).toBe('3. marts 2026');
    expect(formatDate('2026-03-03', 'en')).toBe('March 3, 2026');
  });

  it('gives the device date as YYYY-MM-DD', () => {
    expect(localToday(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
  });

  it('shows dates the parser reads back', () => {
    expect(parseDateText(formatDate('2025-11-30', 'da'), '2026-04-15')).toBe('2025-11-30');
    expect(parseDateText(formatDate('2025-11-30', 'en'), '2026-04-15')).toBe('2025-11-30');
  });
});
