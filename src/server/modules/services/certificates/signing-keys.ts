import { decryptField, encryptField, generateSm2KeyPair, type FieldKeys } from '../../../kernel/crypto';
import type { CertDb } from './tables';

const CONTEXT = 'certificate_signing_key.private_key';

/**
 * The SM2 key pair an organisation signs its certificates with: made on its first certificate,
 * the private key stored under the field key (SM4). A software key serves development and a
 * small deployment; the crypto assessment (密评) expects the seal key in certified hardware, which
 * would replace this file. Two issuers racing on the first certificate: the first insert wins and
 * both use its key.
 */
export async function signingKeyOf(tx: CertDb, keys: FieldKeys, orgId: string): Promise<{ publicKey: string; privateKey: string }> {
  let row = await tx.selectFrom('certificate_signing_key').select(['public_key', 'private_key']).where('org_id', '=', orgId).executeTakeFirst();
  if (!row) {
    const pair = generateSm2KeyPair();
    await tx
      .insertInto('certificate_signing_key')
      .values({ org_id: orgId, public_key: pair.publicKey, private_key: encryptField(keys.encryptionKey, pair.privateKey, `${CONTEXT}:${orgId}`) })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .execute();
    row = await tx.selectFrom('certificate_signing_key').select(['public_key', 'private_key']).where('org_id', '=', orgId).executeTakeFirstOrThrow();
  }
  return { publicKey: row.public_key, privateKey: decryptField(keys.encryptionKey, row.private_key, `${CONTEXT}:${orgId}`) };
}

/** The public key of an issuer, for verification (null: the organisation never signed anything). */
export async function publicKeyOf(db: CertDb, orgId: string): Promise<string | null> {
  const row = await db.selectFrom('certificate_signing_key').select('public_key').where('org_id', '=', orgId).executeTakeFirst();
  return row?.public_key ?? null;
}
