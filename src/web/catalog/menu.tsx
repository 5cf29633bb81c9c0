import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import { useCan } from '../auth';
import { TreeIcon } from '../components/icons';
import { useI18n } from '../i18n';

type MenuItem = NonNullable<MenuProps['items']>[number];

export const RESOURCE_CATALOG_SECTION = '/work/catalog';

/** 资源目录 in the workbench menu, for holders of catalog:read; null for everyone else. */
export function useResourceCatalogMenuItem(): MenuItem | null {
  const { t } = useI18n();
  if (!useCan('catalog:read')) return null;
  return { key: RESOURCE_CATALOG_SECTION, icon: <TreeIcon />, label: <Link to={RESOURCE_CATALOG_SECTION} data-testid="menu-resource-catalog">{t('catalog.menu')}</Link> };
}
