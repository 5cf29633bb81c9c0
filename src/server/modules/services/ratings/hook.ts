import { v7 as uuidv7 } from 'uuid';
import type { TransitionHook } from '../../../kernel/workflow';
import { ratingErrors } from './errors';
import type { RatingsDb, VisitMethod, VisitResult } from './tables';

/**
 * The shared process panel asks for required fields as free text: the Chinese words a clerk types
 * are accepted beside the codes.
 */
const methods: Record<string, VisitMethod> = { phone: 'phone', sms: 'sms', visit: 'visit', online: 'online', 电话: 'phone', 短信: 'sms', 上门: 'visit', 走访: 'visit', 网上: 'online', 线上: 'online' };
const results: Record<string, VisitResult> = { satisfied: 'satisfied', basic: 'basic', unsatisfied: 'unsatisfied', 满意: 'satisfied', 非常满意: 'satisfied', 基本满意: 'basic', 不满意: 'unsatisfied', 非常不满意: 'unsatisfied' };
const pick = <T>(table: Record<string, T>, value: unknown): T | undefined => (typeof value === 'string' && Object.hasOwn(table, value.trim()) ? table[value.trim()] : undefined);

/**
 * Keeps the rating in step with its rectification, inside each transition: records return visits,
 * refuses to close a real-name review without one, takes an upheld appeal out of the statistics.
 */
export const keepRatingInStep: TransitionHook = async (wf, event) => {
  const tx = wf as unknown as RatingsDb;
  const ratingId = event.instance.business_id;
  const rating = await tx.selectFrom('service_rating').select(['id', 'anonymous']).where('id', '=', ratingId).executeTakeFirst();
  if (!rating) return; // started before the rating row (never: both are written in one transaction)
  if (event.action === 'close') {
    const visited = await tx.selectFrom('service_rating_visit').select('id').where('rating_id', '=', ratingId).executeTakeFirst();
    if (!rating.anonymous && !visited) throw ratingErrors.visitRequired();
  }
  if (event.action === 'visit_done' || event.action === 'visit_redo') {
    const method = pick(methods, event.fields.visitMethod);
    const result = event.action === 'visit_redo' ? 'unsatisfied' : pick(results, event.fields.visitResult);
    if (!method) throw ratingErrors.badVisit('visitMethod');
    if (!result || (event.action === 'visit_done' && result === 'unsatisfied')) throw ratingErrors.badVisit('visitResult');
    await tx.insertInto('service_rating_visit').values({ id: uuidv7(), rating_id: ratingId, visited_by: event.actor.accountId, method, result, note: event.comment ?? '' }).execute();
  }
  await tx
    .updateTable('service_rating')
    .set({ rectification_state: event.to, ...(event.action === 'uphold' ? { excluded: true } : {}) })
    .where('id', '=', ratingId)
    .execute();
};
