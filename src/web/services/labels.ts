import { formatDateTime } from '../format';
import type { Lang, MessageKey, Translate } from '../i18n';

/** Label of a catalogue code (type, level, tier, handling kind, depth, target users, material form). */
export const typeLabel = (t: Translate, type: string) => t(`services.type.${type}` as MessageKey);
export const levelLabel = (t: Translate, level: string) => t(`services.level.${level}` as MessageKey);
export const tierLabel = (t: Translate, tier: string) => t(`services.tier.${tier}` as MessageKey);
export const handlingLabel = (t: Translate, kind: string) => t(`services.handling.${kind}` as MessageKey);
export const depthLabel = (t: Translate, depth: number) => t(`services.depth.${depth}` as MessageKey);
export const targetLabel = (t: Translate, target: string) => t(`services.target.${target}` as MessageKey);
export const formLabel = (t: Translate, form: string) => t(`services.form.${form}` as MessageKey);
export const statusLabel = (t: Translate, status: string) => t(`services.status.${status}` as MessageKey);

/** A limit in working days, or 无 / None. */
export const daysText = (t: Translate, days: number | null) => (days === null ? t('services.guide.none') : t('services.guide.days', { days }));

/** A fee in yuan from integer fen, or 不收费. */
export const feeText = (t: Translate, fen: number) => (fen === 0 ? t('services.guide.free') : t('services.guide.feeAmount', { amount: (fen / 100).toFixed(2) }));

/** The day of a publication, Beijing time. */
export const dayOf = (iso: string, lang: Lang) => formatDateTime(iso, lang).slice(0, 10);

export const itemTypes = ['licensing', 'penalty', 'coercion', 'levy', 'payment', 'inspection', 'confirmation', 'award', 'ruling', 'other', 'public_service'] as const;
export const levels = ['district', 'town', 'village'] as const;
export const handlingKinds = ['new', 'change', 'renew', 'cancel'] as const;
