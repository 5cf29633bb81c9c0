import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import { useCan } from '../../auth';
import { EditIcon } from '../../components/icons';
import { useI18n } from '../../i18n';

type MenuItem = NonNullable<MenuProps['items']>[number];

export const APPLICATIONS_SECTION = '/work/applications';

/** 政务服务办件 (window acceptance and review) for window clerks and department reviewers; null for others. */
export function useApplicationsMenuItem(): MenuItem | null {
  const { t } = useI18n();
  if (!useCan('services:application.read')) return null;
  return { key: APPLICATIONS_SECTION, icon: <EditIcon />, label: <Link to={APPLICATIONS_SECTION} data-testid="menu-applications">{t('apply.work.menu')}</Link> };
}
