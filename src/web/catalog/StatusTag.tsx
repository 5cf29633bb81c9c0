import { Tag } from 'antd';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/types';

const colours: Record<string, string> = { draft: 'default', reviewing: 'processing', published: 'success', returned: 'warning' };

export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return <Tag color={colours[status]} data-testid="resource-status">{t(`catalog.status.${status}` as MessageKey)}</Tag>;
}
