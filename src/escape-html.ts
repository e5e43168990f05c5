/**
 * Escapes text for HTML (elements and quoted attributes). Import-free, so the
 * guided-session page's browser script can bundle it without server modules.
 *
 * Pure.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
