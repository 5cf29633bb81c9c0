import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import { useCan } from '../auth';
import { SearchIcon } from '../components/icons';
import { useI18n } from '../i18n';

type MenuItem = NonNullable<MenuProps['items']>[number];

export const REGISTRY_SECTION = '/work/registry';

/** 基础库 in the workbench menu, for those who may read the registers; null for everyone else. */
export function useRegistryMenuItem(): MenuItem | null {
  const { t } = useI18n();
  if (!useCan('registry:read')) return null;
  return { key: REGISTRY_SECTION, icon: <SearchIcon />, label: <Link to={REGISTRY_SECTION} data-testid="menu-registry">{t('registry.menu')}</Link> };
}
