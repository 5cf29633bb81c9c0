import { describe, expect, it } from 'vitest';
import { defaultAllowedTypes, detectMediaType, judgeUpload, mediaTypes, zipEntryNames } from './detect';
import { docx, exeLike, minimalPdf, ofd, tinyPng, xlsx, zipOf } from './test-samples';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('content type from magic bytes', () => {
  it.each([
    ['PDF', minimalPdf(), mediaTypes.pdf],
    ['PNG', tinyPng, mediaTypes.png],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF'), mediaTypes.jpeg],
    ['GIF89a', bytes('GIF89a', [1, 0, 1, 0]), mediaTypes.gif],
    ['GIF87a', bytes('GIF87a', [1, 0, 1, 0]), mediaTypes.gif],
    ['WEBP', bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '), mediaTypes.webp],
    ['RIFF that is not WEBP (WAV)', bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '), null],
    ['OFD (ZIP with OFD.xml)', ofd(), mediaTypes.ofd],
    ['DOCX', docx(), mediaTypes.docx],
    ['XLSX', xlsx(), mediaTypes.xlsx],
    ['other ZIP', zipOf([['a.txt', 'hello']]), mediaTypes.zip],
    ['empty ZIP', bytes([0x50, 0x4b, 0x05, 0x06], Array(18).fill(0) as number[]), mediaTypes.zip],
    ['Windows executable', exeLike, mediaTypes.exe],
    ['ELF executable', bytes([0x7f], 'ELF', [2, 1, 1, 0]), mediaTypes.elf],
    ['old Office (OLE2)', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], [0, 0]), mediaTypes.ole],
    ['UTF-8 text', Buffer.from('永川区行政服务中心\n办事指南'), mediaTypes.text],
    ['CSV with BOM', Buffer.from('\ufeff姓名,电话\n张三,138****5678\n'), mediaTypes.text],
    ['text with a NUL byte', bytes('abc', [0], 'def'), null],
    ['invalid UTF-8 (GBK bytes)', Buffer.from([0xd3, 0xc0, 0xb4, 0xa8]), null],
    ['"%PDF" not at the start', bytes(' %PDF-1.4'), mediaTypes.text],
    ['nothing', Buffer.alloc(0), null],
  ])('%s', (_name, content, expected) => {
    expect(detectMediaType(content)).toBe(expected);
  });

  it('reads ZIP entry names from the central directory, wherever [Content_Types].xml is', () => {
    const late = zipOf([['word/document.xml', '<w/>'], ['docProps/app.xml', '<a/>'], ['[Content_Types].xml', '<T/>']]);
    expect(zipEntryNames(late)).toEqual(['word/document.xml', 'docProps/app.xml', '[Content_Types].xml']);
    expect(detectMediaType(late)).toBe(mediaTypes.docx);
    // truncated: no central directory, the first local header still names OFD.xml
    const truncated = ofd().subarray(0, 60);
    expect(zipEntryNames(truncated)).toEqual(['OFD.xml']);
    expect(detectMediaType(truncated)).toBe(mediaTypes.ofd);
  });
});

describe('judging an upload', () => {
  const allowed = defaultAllowedTypes;
  it('accepts content of an allowed type whose declared type agrees or says nothing', () => {
    expect(judgeUpload(minimalPdf(), 'application/pdf', allowed)).toEqual({ ok: true, mediaType: mediaTypes.pdf });
    expect(judgeUpload(minimalPdf(), 'application/octet-stream', allowed)).toEqual({ ok: true, mediaType: mediaTypes.pdf });
    expect(judgeUpload(minimalPdf(), undefined, allowed)).toEqual({ ok: true, mediaType: mediaTypes.pdf });
    expect(judgeUpload(tinyPng, 'IMAGE/PNG; foo=bar', allowed)).toEqual({ ok: true, mediaType: mediaTypes.png });
    expect(judgeUpload(bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpg', allowed)).toEqual({ ok: true, mediaType: mediaTypes.jpeg });
    expect(judgeUpload(docx(), 'application/zip', allowed)).toEqual({ ok: true, mediaType: mediaTypes.docx });
  });

  it('keeps CSV as CSV when declared so (also as Excel sends it), else plain text', () => {
    const csv = Buffer.from('a,b\n1,2\n');
    expect(judgeUpload(csv, 'text/csv; charset=utf-8', allowed)).toEqual({ ok: true, mediaType: mediaTypes.csv });
    expect(judgeUpload(csv, 'application/vnd.ms-excel', allowed)).toEqual({ ok: true, mediaType: mediaTypes.csv });
    expect(judgeUpload(csv, 'text/plain', allowed)).toEqual({ ok: true, mediaType: mediaTypes.text });
    expect(judgeUpload(csv, 'application/octet-stream', allowed)).toEqual({ ok: true, mediaType: mediaTypes.text });
  });

  it('refuses a declared type the content contradicts', () => {
    expect(judgeUpload(tinyPng, 'application/pdf', allowed)).toEqual({ ok: false, reason: 'mismatch', detected: mediaTypes.png, declared: 'application/pdf' });
    expect(judgeUpload(Buffer.from('<html><script>alert(1)</script>'), 'text/html', allowed)).toMatchObject({ ok: false, reason: 'mismatch' });
    expect(judgeUpload(docx(), mediaTypes.xlsx, allowed)).toMatchObject({ ok: false, reason: 'mismatch' });
  });

  it('refuses content of an unknown or forbidden kind, whatever is declared', () => {
    expect(judgeUpload(exeLike, 'application/pdf', allowed)).toEqual({ ok: false, reason: 'not-allowed', detected: mediaTypes.exe });
    expect(judgeUpload(exeLike, 'application/octet-stream', allowed)).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(judgeUpload(zipOf([['a.js', 'x']]), 'application/zip', allowed)).toMatchObject({ ok: false, reason: 'not-allowed', detected: mediaTypes.zip });
    expect(judgeUpload(bytes('GIF89a'), 'image/gif', allowed)).toMatchObject({ ok: false, reason: 'not-allowed' });
    expect(judgeUpload(Buffer.from([0, 1, 2, 3]), 'application/pdf', allowed)).toEqual({ ok: false, reason: 'not-allowed', detected: null });
    // a narrower allow-list
    expect(judgeUpload(tinyPng, 'image/png', [mediaTypes.pdf])).toMatchObject({ ok: false, reason: 'not-allowed' });
  });
});
