import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import { CatalogIcon } from './CatalogIcon';
import { useI18n } from '../../i18n';
import { useCatalogAccess } from './access';

type MenuItem = NonNullable<MenuProps['items']>[number];

export const CATALOG_SECTION = '/work/services/catalog';

/** 事项目录 in the workbench menu, for department administrators; null for everyone else. */
export function useCatalogMenuItem(): MenuItem | null {
  const { t } = useI18n();
  if (!useCatalogAccess()) return null;
  return { key: CATALOG_SECTION, icon: <CatalogIcon />, label: <Link to={CATALOG_SECTION} data-testid="menu-service-catalog">{t('services.menu.catalog')}</Link> };
}
