import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import { CityIcon } from '../../cases/CityIcon';
import { useI18n } from '../../i18n';
import { useCaseAccess } from './access';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The paths of the 城市管理 pages, most specific first (for the menu's selected key). */
export const CITY_SECTIONS = ['/work/cases/report', '/work/cases'];

/** 城市管理 → 上报问题, 案件列表, each only for those who may use it; null when neither. */
export function useCityMenuItem(): MenuItem | null {
  const { t } = useI18n();
  const access = useCaseAccess();
  const children: MenuItem[] = [];
  if (access.report) children.push({ key: '/work/cases/report', label: <Link to="/work/cases/report" data-testid="menu-case-report">{t('cases.menu.report')}</Link> });
  if (access.read) children.push({ key: '/work/cases', label: <Link to="/work/cases" data-testid="menu-case-list">{t('cases.menu.list')}</Link> });
  if (children.length === 0) return null;
  return { key: 'city', icon: <CityIcon />, label: <span data-testid="menu-city">{t('cases.menu.city')}</span>, children };
}
