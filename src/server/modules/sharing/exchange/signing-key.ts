import { v7 as uuidv7 } from 'uuid';
import { decryptField, encryptField, generateSm2KeyPair, sm2PublicKeyFromPrivate, type FieldKeys } from '../../../kernel/crypto';
import type { SharingDb } from '../tables';

const CONTEXT = 'share_signing_key.private_key';

export interface SigningKey {
  id: string;
  publicKey: string;
  privateKey: string;
}

/**
 * The platform's SM2 key for the exchange log: made on first use, the private key stored under the
 * field key (SM4). The newest key signs; older ones stay to verify older batches. A software key
 * serves development and a small deployment; 密评 expects the key in certified hardware.
 */
export async function currentSigningKey(db: SharingDb, keys: FieldKeys): Promise<SigningKey> {
  let row = await db.selectFrom('share_signing_key').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
  if (!row) {
    const pair = generateSm2KeyPair();
    const id = uuidv7();
    // two copies racing on the first exchange each make a key; the newest signs from then on, both verify
    await db.insertInto('share_signing_key').values({ id, public_key: pair.publicKey, private_key: encryptField(keys.encryptionKey, pair.privateKey, `${CONTEXT}:${id}`) }).execute();
    row = await db.selectFrom('share_signing_key').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }
  const privateKey = decryptField(keys.encryptionKey, row.private_key, `${CONTEXT}:${row.id}`);
  // the public key is given to every signature (saves deriving it each time): it must be this key's
  if (sm2PublicKeyFromPrivate(privateKey) !== row.public_key) throw new Error(`share_signing_key ${row.id}: the public key does not match the private key`);
  return { id: row.id, publicKey: row.public_key, privateKey };
}

export async function publicKeyById(db: SharingDb, id: string): Promise<string | null> {
  return (await db.selectFrom('share_signing_key').select('public_key').where('id', '=', id).executeTakeFirst())?.public_key ?? null;
}
