/**
 * The string table as XLIFF 1.2 (OASIS), the version most translation tools read
 * and write (OmegaT, Weblate, Crowdin, memoQ, Trados): one <file> per Danish
 * content file, one <trans-unit> per text with its <source>, the current <target>
 * and <note>s with the context. Reading takes the <target> of every unit.
 *
 * Pure.
 */
import type { StringUnit } from './string-table.js';
import type { ReadEntry, ReadTranslations } from './translations.js';
import { descendants, escapeXml, parseXml, type XmlElement } from './xml-tree.js';

const NAMESPACE = 'urn:oasis:names:tc:xliff:document:1.2';

/** XLIFF wants BCP 47: "da-LET" (easy-read Danish) becomes the private-use tag "da-x-let". */
export function languageTag(locale: string): string {
  const [language, ...rest] = locale.split('-');
  const valid = rest.every((part) => /^([A-Za-z]{2}|[0-9]{3}|[A-Za-z]{4}|[A-Za-z0-9]{5,8})$/.test(part));
  return valid ? locale : `${language}-x-${rest.join('-').toLowerCase()}`;
}

function unitXml(unit: StringUnit): string {
  const target = unit.target !== undefined ? `\n        <target state="translated">${escapeXml(unit.target)}</target>` : '';
  const notes = [
    `<note from="context" annotates="general">${escapeXml(unit.context)}</note>`,
    ...(unit.note ? [`<note from="author" annotates="source">${escapeXml(unit.note)}</note>`] : []),
    ...(unit.legalSource ? [`<note from="legal-source" annotates="general">${escapeXml(unit.legalSource)}</note>`] : []),
  ];
  return [
    `      <trans-unit id="${escapeXml(unit.id)}" resname="${escapeXml(unit.id)}" xml:space="preserve">`,
    `        <source>${escapeXml(unit.source)}</source>${target}`,
    ...notes.map((note) => `        ${note}`),
    '      </trans-unit>',
  ].join('\n');
}

export function toXliff(units: StringUnit[], locale: string): string {
  const files = new Map<string, StringUnit[]>();
  for (const unit of units) files.set(unit.file, [...(files.get(unit.file) ?? []), unit]);
  const fileXml = [...files].map(([file, list]) =>
    [
      `  <file original="${escapeXml(file)}" datatype="plaintext" source-language="da" target-language="${escapeXml(languageTag(locale))}">`,
      '    <body>',
      ...list.map(unitXml),
      '    </body>',
      '  </file>',
    ].join('\n'),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="${NAMESPACE}">\n${fileXml.join('\n')}\n</xliff>\n`;
}

/** The text of an element that may hold only text; inline markup (<g>, <x/> …) is reported. */
function plainTextOf(element: XmlElement): string | undefined {
  return element.children.every((c) => typeof c === 'string') ? (element.children as string[]).join('') : undefined;
}

export function readXliffTranslations(text: string, locale: string): ReadTranslations {
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (error) {
    return { entries: [], errors: [`the file is not well-formed XML: ${(error as Error).message}`] };
  }
  if (root.name !== 'xliff' || root.attributes.version !== '1.2') {
    return { entries: [], errors: [`expected an XLIFF 1.2 file (<xliff version="1.2">), found <${root.name}> version ${root.attributes.version ?? 'none'}`] };
  }
  const errors: string[] = [];
  for (const file of descendants(root, 'file')) {
    const lang = file.attributes['target-language'];
    if (lang && lang.toLowerCase() !== languageTag(locale).toLowerCase() && lang.toLowerCase() !== locale.toLowerCase()) {
      errors.push(`line ${file.line}: the file is for target-language "${lang}", not "${locale}"`);
    }
  }
  const entries: ReadEntry[] = [];
  for (const unit of descendants(root, 'trans-unit')) {
    const where = `line ${unit.line}`;
    const target = unit.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === 'target');
    const id = unit.attributes.resname ?? unit.attributes.id ?? '';
    if (!target) {
      entries.push({ where, id, text: '' });
      continue;
    }
    const value = plainTextOf(target);
    if (value === undefined) errors.push(`${where}: "${id}": the target holds markup; write plain text`);
    else entries.push({ where, id, text: value });
  }
  return { entries, errors };
}
