import { sm3 } from '../../../../kernel/crypto';
import { parseSigned } from '../canonical';
import type { CertDb } from '../tables';
import { renderCertificatePdf } from './render';

/** Where the QR code points: the portal's verification page with the number and the code. */
export const verifyUrlOf = (origin: string, number: string, code: string) =>
  `${origin}/certificates/verify?number=${encodeURIComponent(number)}&code=${encodeURIComponent(code)}`;

/**
 * The certificate's PDF: made on first download and kept, so every later download is the same
 * file, byte for byte, and an uploaded copy can be compared with it (any change → tampered).
 * Two first downloads at once: both render, the first insert wins, both return the kept one.
 */
export async function pdfOf(db: CertDb, certificateId: string, origin: string, log?: { warn(obj: object, msg: string): void }): Promise<Buffer> {
  const kept = await db.selectFrom('certificate_pdf').select('content').where('certificate_id', '=', certificateId).executeTakeFirst();
  if (kept) return kept.content;
  const c = await db.selectFrom('certificate').select(['number', 'verify_code', 'signed_content', 'signature', 'public_key']).where('id', '=', certificateId).executeTakeFirstOrThrow();
  const signed = parseSigned(c.signed_content);
  if (!signed) throw new Error(`certificate ${c.number}: its signed content cannot be read`);
  const bytes = Buffer.from(await renderCertificatePdf({ signed, content: c.signed_content, signature: c.signature, publicKey: c.public_key, verifyUrl: verifyUrlOf(origin, c.number, c.verify_code), ...(log ? { log } : {}) }));
  await db
    .insertInto('certificate_pdf')
    .values({ certificate_id: certificateId, content: bytes, sm3: sm3(bytes) })
    .onConflict((oc) => oc.column('certificate_id').doNothing())
    .execute();
  return (await db.selectFrom('certificate_pdf').select('content').where('certificate_id', '=', certificateId).executeTakeFirstOrThrow()).content;
}
