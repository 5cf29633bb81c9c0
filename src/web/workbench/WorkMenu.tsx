import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { DashboardIcon, HomeIcon, TreeIcon } from '../components/icons';
import { useI18n } from '../i18n';

interface Props {
  theme: 'dark' | 'light';
  /** Adds a "back to portal" entry (phones, where the header has no room for it). */
  withPortalLink?: boolean;
}

function selectedKey(pathname: string): string {
  return pathname.startsWith('/work/orgs') ? '/work/orgs' : '/work';
}

export function WorkMenu({ theme, withPortalLink = false }: Props) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const items: NonNullable<MenuProps['items']> = [
    { key: '/work', icon: <HomeIcon />, label: <Link to="/work">{t('work.menu.home')}</Link> },
    { key: '/work/orgs', icon: <TreeIcon />, label: <Link to="/work/orgs">{t('work.menu.orgs')}</Link> },
    { key: '/command', icon: <DashboardIcon />, label: <Link to="/command">{t('work.menu.command')}</Link> },
  ];
  if (withPortalLink) {
    items.push({ type: 'divider' }, { key: '/', label: <Link to="/">{t('common.backToPortal')}</Link> });
  }
  return (
    <Menu
      theme={theme}
      mode="inline"
      selectedKeys={[selectedKey(pathname)]}
      items={items}
      data-testid="work-menu"
    />
  );
}
