import { Tag } from 'antd';
import { useI18n } from '../../i18n';
import { statusColour, statusLabel } from './labels';

/** The application's status as a coloured tag (data-status for tests and styles). */
export function StatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <Tag color={statusColour(status)} data-testid="application-status" data-status={status}>
      {statusLabel(t, status)}
    </Tag>
  );
}
