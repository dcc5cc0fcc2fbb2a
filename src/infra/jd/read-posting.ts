/**
 * Turns a posting file into text with well-kept libraries: .txt/.md as UTF-8, .html through html-to-text, .pdf
 * through Mozilla's pdf.js, .docx through mammoth. Anything else, or bytes that are not what the name says, is a
 * clear error (the CLI prints one line; the API answers 415 or 400).
 */
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { MAX_POSTING_BYTES } from '../../core/jd/analyze.js';
import { AppError } from '../../shared/errors.js';

export const POSTING_TYPES = ['.txt', '.md', '.markdown', '.html', '.htm', '.pdf', '.docx'] as const;

export async function readPostingFile(path: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new AppError('BAD_REQUEST', `cannot read ${path}: no such file`);
  }
  if (size > MAX_POSTING_BYTES * 8) throw new AppError('PAYLOAD_TOO_LARGE', `${path} is ${String(Math.round(size / 1024))} KB; a posting file may be at most 8 MB`);
  return postingTextFromBytes(await readFile(path), extname(path).toLowerCase() || '.txt', path);
}

/** Extracts text from the bytes of a posting, by its file extension (or media type). */
export async function postingTextFromBytes(bytes: Uint8Array, ext: string, label = 'the file'): Promise<string> {
  switch (ext) {
    case '.txt':
    case '.md':
    case '.markdown':
    case 'text/plain':
    case 'text/markdown':
      return decodeUtf8(bytes, label);
    case '.html':
    case '.htm':
    case 'text/html': {
      const { convert } = await import('html-to-text');
      const html = decodeUtf8(bytes, label);
      try {
        return convert(html, {
          wordwrap: false,
          selectors: [
            { selector: 'a', options: { ignoreHref: true } },
            { selector: 'img', format: 'skip' },
            ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((h) => ({ selector: h, options: { uppercase: false } })),
          ],
        });
      } catch (err) {
        throw new AppError('BAD_REQUEST', `cannot read ${label} as HTML: ${(err as Error).message}`);
      }
    }
    case '.pdf':
    case 'application/pdf':
      return pdfText(bytes, label);
    case '.docx':
    case 'application/vnd.openxmlformats-officedocument.wordprocessingml.document':
      return docxText(bytes, label);
    default:
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `cannot read ${label}: ${ext} files are not supported (use ${POSTING_TYPES.join(', ')})`);
  }
}

function decodeUtf8(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new AppError('BAD_REQUEST', `${label} is not valid UTF-8 text`);
  }
}

async function pdfText(bytes: Uint8Array, label: string): Promise<string> {
  if (!Buffer.from(bytes.subarray(0, 5)).toString('latin1').startsWith('%PDF')) throw new AppError('BAD_REQUEST', `${label} is not a PDF`);
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  try {
    const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let i = 1; i <= Math.min(doc.numPages, 50); i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      let line = '';
      const lines: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line);
          line = '';
        }
      }
      if (line) lines.push(line);
      pages.push(lines.join('\n'));
    }
    await doc.destroy();
    return pages.join('\n\n');
  } catch (err) {
    throw new AppError('BAD_REQUEST', `cannot read ${label} as a PDF: ${(err as Error).message}`);
  }
}

async function docxText(bytes: Uint8Array, label: string): Promise<string> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new AppError('BAD_REQUEST', `${label} is not a .docx document`);
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch (err) {
    throw new AppError('BAD_REQUEST', `cannot read ${label} as a .docx document: ${(err as Error).message}`);
  }
}
