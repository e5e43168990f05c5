/**
 * A document reply as a Word file (.docx), for citizens who want to edit a letter
 * before sending it: the title as a heading, one paragraph for each block of the
 * text, lines inside a block kept as line breaks. Right-to-left locales get
 * right-to-left paragraphs, and the document language is set for spell checking
 * and screen readers.
 */
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { DocumentReply } from './documents.js';

export interface DocxContext {
  /** A language tag for Word, e.g. "da-DK", "en-GB", "ar". */
  language: string;
  dir: 'ltr' | 'rtl';
  municipalityName: string;
}

function runs(block: string, rtl: boolean): TextRun[] {
  return block.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : 0, rightToLeft: rtl }));
}

export async function documentDocx(doc: DocumentReply, plainText: string, context: DocxContext): Promise<Buffer> {
  const rtl = context.dir === 'rtl';
  const blocks = plainText.trim().split(/\n{2,}/);
  const document = new Document({
    title: doc.title,
    creator: `Medspiller · ${context.municipalityName}`,
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 24, language: { value: context.language, bidirectional: context.language } } },
      },
    },
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, bidirectional: rtl, children: [new TextRun({ text: doc.title, rightToLeft: rtl })] }),
          ...blocks.map((block) => new Paragraph({ bidirectional: rtl, spacing: { after: 200 }, children: runs(block, rtl) })),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
