/**
 * What a file IS, from its bytes (magic numbers), never from its name or the type the
 * client declared: a renamed executable stays an executable.
 *
 * ZIP-based formats (OFD, DOCX, XLSX) are told apart by the names of their entries,
 * read from the ZIP central directory (the whole upload is in memory), with the first
 * local header as a fallback for a truncated archive.
 */

export const mediaTypes = {
  pdf: 'application/pdf',
  ofd: 'application/ofd',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  zip: 'application/zip',
  text: 'text/plain',
  csv: 'text/csv',
  exe: 'application/x-msdownload',
  elf: 'application/x-executable',
  ole: 'application/x-ole-storage',
} as const;

/** Every type the detector can name (an allow-list may only use these). */
export const detectableTypes: readonly string[] = Object.values(mediaTypes);

/** PDF, OFD, PNG, JPEG, WEBP, DOCX, XLSX, CSV and plain text. */
export const defaultAllowedTypes: readonly string[] = [
  mediaTypes.pdf,
  mediaTypes.ofd,
  mediaTypes.png,
  mediaTypes.jpeg,
  mediaTypes.webp,
  mediaTypes.docx,
  mediaTypes.xlsx,
  mediaTypes.csv,
  mediaTypes.text,
];

interface Magic {
  type: string;
  /** bytes at `offset`; null matches any byte */
  bytes: ReadonlyArray<number | null>;
  offset?: number;
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const magics: Magic[] = [
  { type: mediaTypes.pdf, bytes: ascii('%PDF-') },
  { type: mediaTypes.png, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: mediaTypes.jpeg, bytes: [0xff, 0xd8, 0xff] },
  { type: mediaTypes.gif, bytes: ascii('GIF87a') },
  { type: mediaTypes.gif, bytes: ascii('GIF89a') },
  { type: mediaTypes.webp, bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WEBP')] },
  { type: mediaTypes.ole, bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { type: mediaTypes.elf, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { type: mediaTypes.exe, bytes: ascii('MZ') },
];

const zipLocal = [0x50, 0x4b, 0x03, 0x04];
const zipEmpty = [0x50, 0x4b, 0x05, 0x06];

function startsWith(bytes: Uint8Array, pattern: ReadonlyArray<number | null>, offset = 0): boolean {
  if (bytes.length < offset + pattern.length) return false;
  return pattern.every((b, i) => b === null || bytes[offset + i] === b);
}

/** The detected media type, or null when the content is of no known kind (binary garbage). */
export function detectMediaType(bytes: Uint8Array): string | null {
  for (const magic of magics) if (startsWith(bytes, magic.bytes, magic.offset)) return magic.type;
  if (startsWith(bytes, zipLocal) || startsWith(bytes, zipEmpty)) return zipKind(bytes);
  if (isUtf8Text(bytes)) return mediaTypes.text;
  return null;
}

/** Decodes as UTF-8 (a BOM is allowed) and holds no NUL byte. */
export function isUtf8Text(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

function zipKind(bytes: Uint8Array): string {
  const names = zipEntryNames(bytes);
  if (names.includes('OFD.xml')) return mediaTypes.ofd;
  if (names.includes('[Content_Types].xml')) {
    if (names.some((n) => n.startsWith('word/'))) return mediaTypes.docx;
    if (names.some((n) => n.startsWith('xl/'))) return mediaTypes.xlsx;
    if (names.some((n) => n.startsWith('ppt/'))) return mediaTypes.pptx;
  }
  return mediaTypes.zip;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** Entry names from the central directory; from the first local header when there is none. */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // End of central directory: 22 bytes plus a comment of at most 65535 bytes, at the end.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let eocd = bytes.length - 22; eocd >= lowest; eocd -= 1) {
    if (view.getUint32(eocd, true) !== 0x06054b50) continue;
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true);
    const names: string[] = [];
    for (let i = 0; i < count && at + 46 <= bytes.length; i += 1) {
      if (view.getUint32(at, true) !== 0x02014b50) break;
      const nameLength = view.getUint16(at + 28, true);
      const extra = view.getUint16(at + 30, true);
      const comment = view.getUint16(at + 32, true);
      const flags = view.getUint16(at + 8, true);
      const raw = bytes.subarray(at + 46, Math.min(bytes.length, at + 46 + nameLength));
      names.push((flags & 0x800 ? utf8 : latin1).decode(raw));
      at += 46 + nameLength + extra + comment;
    }
    if (names.length > 0) return names;
    break;
  }
  if (bytes.length >= 30 && view.getUint32(0, true) === 0x04034b50) {
    const nameLength = view.getUint16(26, true);
    return [latin1.decode(bytes.subarray(30, Math.min(bytes.length, 30 + nameLength)))];
  }
  return [];
}

/** Declared types that say nothing about the content (or were not given). */
const genericTypes = new Set(['', 'application/octet-stream', 'binary/octet-stream', 'application/unknown']);

/** Declared types that honestly describe a detected type (browsers and Windows vary). */
const aliases: Record<string, readonly string[]> = {
  [mediaTypes.jpeg]: ['image/jpg', 'image/pjpeg'],
  [mediaTypes.png]: ['image/x-png'],
  [mediaTypes.zip]: ['application/x-zip-compressed'],
  [mediaTypes.docx]: [mediaTypes.zip, 'application/x-zip-compressed'],
  [mediaTypes.xlsx]: [mediaTypes.zip, 'application/x-zip-compressed'],
  [mediaTypes.pptx]: [mediaTypes.zip, 'application/x-zip-compressed'],
  [mediaTypes.ofd]: [mediaTypes.zip, 'application/x-zip-compressed', 'application/x-ofd'],
  // Windows with Excel installed sends .csv as application/vnd.ms-excel
  [mediaTypes.text]: [mediaTypes.csv, 'application/csv', 'text/comma-separated-values', 'application/vnd.ms-excel'],
};

/** `Text/CSV; charset=utf-8` → `text/csv` */
export function essence(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase();
}

export type Verdict =
  | { ok: true; mediaType: string }
  | { ok: false; reason: 'not-allowed'; detected: string | null }
  | { ok: false; reason: 'mismatch'; detected: string; declared: string };

/**
 * Judges an upload: the content must be of an allowed type, and a specific declared type
 * must agree with it. Text is stored as text/csv when declared as CSV, else text/plain.
 */
export function judgeUpload(bytes: Uint8Array, declaredContentType: string | undefined, allowed: readonly string[]): Verdict {
  const declared = essence(declaredContentType);
  const detected = detectMediaType(bytes);
  let mediaType = detected;
  if (detected === mediaTypes.text && declared !== mediaTypes.text && aliases[mediaTypes.text]!.includes(declared)) mediaType = mediaTypes.csv;
  if (mediaType === null || !allowed.includes(mediaType)) return { ok: false, reason: 'not-allowed', detected: mediaType };
  if (!genericTypes.has(declared) && declared !== detected && !(aliases[detected!] ?? []).includes(declared)) {
    return { ok: false, reason: 'mismatch', detected: mediaType, declared };
  }
  return { ok: true, mediaType };
}
