import type { Kysely } from 'kysely';
import type { Actor } from '../../../kernel/access';
import { blindIndex, type FieldKeys } from '../../../kernel/crypto';
import type { IdentityTables } from '../../../kernel/identity/tables';

/**
 * The blind indexes under which the signed-in citizen's or enterprise's certificates are filed: the
 * citizen's verified ID number (its profile keeps the same keyed index), the enterprise's credit
 * code. Staff hold no certificates here.
 */
export async function holderIndexesOf(db: Kysely<IdentityTables>, keys: Pick<FieldKeys, 'indexKey'>, actor: Actor): Promise<string[]> {
  if (actor.kind === 'citizen') {
    const p = await db.selectFrom('citizen_profile').select('id_number_index').where('account_id', '=', actor.accountId).executeTakeFirst();
    return p ? [p.id_number_index] : [];
  }
  if (actor.kind === 'enterprise') {
    const p = await db.selectFrom('enterprise_profile').select('credit_code').where('account_id', '=', actor.accountId).executeTakeFirst();
    return p ? [blindIndex(keys.indexKey, p.credit_code, 'credit-code')] : [];
  }
  return [];
}
