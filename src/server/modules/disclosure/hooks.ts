import type { TransitionHook } from '../../kernel/workflow';
import { answerTypes } from './categories';
import { disclosureErrors } from './errors';
import type { AnswerType, DisclosureDb } from './store';

/** The article follows its approval: published (with the time) or back to draft with the reviewer's note. */
export const keepArticleInStep: TransitionHook = async (tx, e) => {
  if (e.action === 'start') return;
  const db = tx as unknown as DisclosureDb;
  const now = new Date();
  if (e.to === 'published') {
    await db.updateTable('disclosure_article').set({ status: 'published', published_at: now, review_note: null, updated_at: now }).where('id', '=', e.instance.business_id).execute();
  } else if (e.to === 'refused') {
    await db.updateTable('disclosure_article').set({ status: 'draft', review_note: e.comment, updated_at: now }).where('id', '=', e.instance.business_id).execute();
  }
};

const text = (v: unknown) => (typeof v === 'string' ? v.trim() : '');

/** The request follows its process; an answer is checked here (type, text, the legal reason when one is due). */
export const keepRequestInStep: TransitionHook = async (tx, e) => {
  if (e.action === 'start') return;
  const db = tx as unknown as DisclosureDb;
  const now = new Date();
  const change: Record<string, unknown> = { status: e.to, updated_at: now };
  if (e.action === 'answer') {
    const type = answerTypes.find((a) => a.code === e.fields.answerType);
    if (!type) throw disclosureErrors.badAnswerType();
    const answer = text(e.fields.answer);
    if (answer.length < 5 || answer.length > 4000) throw disclosureErrors.badAnswer();
    const basis = text(e.fields.legalBasis);
    if (type.reason && basis.length < 2) throw disclosureErrors.reasonRequired();
    Object.assign(change, { answer_type: type.code as AnswerType, answer, legal_basis: basis || null, answered_at: now });
    if (e.attachments.length > 0) {
      await db.insertInto('disclosure_request_file').values(e.attachments.map((file_id) => ({ request_id: e.instance.business_id, file_id }))).onConflict((oc) => oc.columns(['request_id', 'file_id']).doNothing()).execute();
    }
  }
  await db.updateTable('disclosure_request').set(change).where('id', '=', e.instance.business_id).execute();
};
