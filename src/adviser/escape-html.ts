/**
 * Escapes text for HTML (elements and quoted attributes). The same rule as
 * escapeHtml in src/conversation/documents.ts, kept here without imports so
 * the guided-session page's script can bundle it without pulling in server
 * modules.
 *
 * Pure.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
