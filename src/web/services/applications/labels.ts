import type { MessageKey, Translate } from '../../i18n';

const statusColours: Record<string, string> = {
  draft: 'default',
  submitted: 'blue',
  correcting: 'orange',
  reviewing: 'processing',
  approved: 'green',
  delivered: 'green',
  denied: 'red',
  not_accepted: 'red',
};

export const statusColour = (status: string) => statusColours[status] ?? 'default';
export const statusLabel = (t: Translate, status: string) => t(`apply.status.${status}` as MessageKey);
export const coverageLabel = (t: Translate, coverage: string) => t(`apply.coverage.${coverage}` as MessageKey);
