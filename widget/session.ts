/**
 * Remembers the conversation id (and whether the panel was open) for this tab only,
 * in sessionStorage: closing the tab forgets it. Nothing else is stored on the device.
 * Storage can be unavailable (privacy settings, sandboxed frames): then nothing is remembered.
 */
export interface Remembered {
  id?: string;
  open?: boolean;
}

export interface Session {
  load(): Remembered;
  save(value: Remembered): void;
}

export function createSession(key: string): Session {
  return {
    load() {
      try {
        const raw = sessionStorage.getItem(key);
        const value: unknown = raw ? JSON.parse(raw) : {};
        return typeof value === 'object' && value !== null ? (value as Remembered) : {};
      } catch {
        return {};
      }
    },
    save(value) {
      try {
        sessionStorage.setItem(key, JSON.stringify(value));
      } catch {
        // Not remembering is the safe fallback: the citizen can still talk.
      }
    },
  };
}
