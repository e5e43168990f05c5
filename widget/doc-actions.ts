/**
 * Copy, print and download for letters and checklists. All three work on the
 * plain text the citizen sees; printing builds a calm, styled copy in a new
 * window with DOM nodes and CSSOM styles only (allowed under a strict CSP).
 */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text);
  }
}

/** Fallback for browsers that refuse the async clipboard (e.g. an http page). */
function copyWithSelection(text: string): boolean {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  Object.assign(area.style, { position: 'fixed', top: '0', left: '0', opacity: '0' });
  document.body.append(area);
  area.select();
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

/**
 * Opens a print-ready copy; false when the browser blocked the window. The copy is its own
 * document, so it needs the widget's language and direction: without them an Arabic letter
 * is laid out left to right, with brackets and full stops on the wrong side.
 */
export function printCopy(title: string, text: string, lang: string, dir: 'ltr' | 'rtl'): boolean {
  const win = window.open('', '_blank');
  if (!win) return false;
  const doc = win.document;
  doc.documentElement.lang = lang;
  doc.documentElement.dir = dir;
  doc.title = title;
  Object.assign(doc.body.style, {
    font: '12pt/1.5 Georgia, "Times New Roman", serif',
    maxWidth: '40em',
    margin: '2em auto',
    padding: '0 1em',
    color: '#000',
    background: '#fff',
  });
  const heading = doc.createElement('h1');
  heading.textContent = title;
  heading.style.fontSize = '16pt';
  const body = doc.createElement('div');
  body.textContent = text;
  body.style.whiteSpace = 'pre-wrap';
  doc.body.append(heading, body);
  win.focus();
  win.print();
  return true;
}

export function downloadText(filename: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** "Klage over afgørelse" → "klage-over-afgoerelse.txt". */
export function fileName(title: string): string {
  const base = title
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'medspiller'}.txt`;
}
