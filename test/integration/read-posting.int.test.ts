import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { postingTextFromBytes, readPostingFile } from '../../src/infra/jd/read-posting.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

describe('reading posting files with their libraries', () => {
  it('extracts the text of a PDF (pdf.js)', async () => {
    const text = await readPostingFile(join(fixtures, 'posting.pdf'));
    assert.match(text, /Senior Backend Engineer/);
    assert.match(text, /Go, PostgreSQL and Kafka/);
  });

  it('extracts the text of a .docx (mammoth)', async () => {
    const text = await readPostingFile(join(fixtures, 'posting.docx'));
    assert.match(text, /payment services in Go and PostgreSQL/);
  });

  it('keeps HTML headings as written and drops markup', async () => {
    const text = await postingTextFromBytes(Buffer.from('<h2>Senior Engineer</h2><ul><li>Go &amp; SQL</li></ul>'), '.html');
    assert.match(text, /Senior Engineer/);
    assert.match(text, /Go & SQL/);
    assert.doesNotMatch(text, /</);
  });

  it('names the problem for a file that is not what its extension says, or a type it cannot read', async () => {
    const pdf = await readFile(join(fixtures, 'posting.pdf'));
    await assert.rejects(postingTextFromBytes(Buffer.from('plain text'), '.pdf', 'job.pdf'), /job\.pdf is not a PDF/);
    await assert.rejects(postingTextFromBytes(pdf, '.docx', 'job.docx'), /job\.docx is not a \.docx document/);
    await assert.rejects(postingTextFromBytes(pdf.subarray(0, 40), '.pdf', 'cut.pdf'), /cannot read cut\.pdf as a PDF/);
    await assert.rejects(postingTextFromBytes(Buffer.from([0xff, 0xfe, 0x00]), '.txt', 'bad.txt'), /bad\.txt is not valid UTF-8/);
    await assert.rejects(postingTextFromBytes(Buffer.from('x'), '.rtf', 'job.rtf'), /\.rtf files are not supported/);
  });
});
