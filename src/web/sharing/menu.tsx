import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import { GlobeIcon } from '../components/icons';
import { useI18n } from '../i18n';
import { useSharingAccess } from './access';

type MenuItem = NonNullable<MenuProps['items']>[number];

export const SHARING_SECTION = '/work/sharing';

/** 共享交换 in the workbench menu, for holders of any sharing permission; null for everyone else. */
export function useSharingMenuItem(): MenuItem | null {
  const { t } = useI18n();
  if (!useSharingAccess().any) return null;
  return { key: SHARING_SECTION, icon: <GlobeIcon />, label: <Link to={SHARING_SECTION} data-testid="menu-sharing">{t('sharing.menu')}</Link> };
}
