import { PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { CONTENT_KEY, infoDict, SIGNATURE_KEY } from './render';

export type Extracted = { ok: true; content: string; signature: string } | { ok: false; reason: 'not-pdf' | 'no-certificate' };

const text = (value: unknown): string | null => (value instanceof PDFHexString || value instanceof PDFString ? value.decodeText() : null);

/**
 * Reads the signed serialisation and the signature a certificate PDF carries. Any PDF that pdf-lib
 * cannot open counts as "not a PDF"; one without the keys as "not a certificate of this platform".
 */
export async function extractFromPdf(bytes: Uint8Array): Promise<Extracted> {
  if (bytes.length < 5 || Buffer.from(bytes.subarray(0, 5)).toString('latin1') !== '%PDF-') return { ok: false, reason: 'not-pdf' };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false, throwOnInvalidObject: false });
  } catch {
    return { ok: false, reason: 'not-pdf' };
  }
  const info = infoDict(doc);
  const content = text(info.lookup(PDFName.of(CONTENT_KEY)));
  const signature = text(info.lookup(PDFName.of(SIGNATURE_KEY)));
  if (content === null || signature === null) return { ok: false, reason: 'no-certificate' };
  return { ok: true, content, signature };
}
