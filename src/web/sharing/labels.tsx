import { Tag } from 'antd';
import { useI18n } from '../i18n';
import type { Grant, ShareableResource, ShareRequest } from './api';

const requestColour: Record<ShareRequest['status'], string> = { compliance: 'processing', provider: 'blue', granted: 'success', refused: 'error', withdrawn: 'default' };
const grantColour: Record<Grant['status'], string> = { active: 'success', pending: 'blue', expired: 'default', revoked: 'error' };

export function RequestStatusTag({ status }: { status: ShareRequest['status'] }) {
  const { t } = useI18n();
  return <Tag color={requestColour[status]} data-testid="sharing-request-status" data-status={status}>{t(`sharing.status.${status}`)}</Tag>;
}

export function GrantStatusTag({ status }: { status: Grant['status'] }) {
  const { t } = useI18n();
  return <Tag color={grantColour[status]} data-status={status}>{t(`sharing.grant.${status}`)}</Tag>;
}

export function ShareTypeTag({ type }: { type: ShareableResource['shareType'] }) {
  const { t } = useI18n();
  return <Tag color={type === 'conditional' ? 'orange' : 'green'}>{t(`sharing.shareType.${type}`)}</Tag>;
}

/** Item names as one line: 许可证编号、经营者名称. */
export const itemList = (names: readonly string[]) => names.join('、');
