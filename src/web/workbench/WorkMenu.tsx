import { Menu, type MenuProps } from 'antd';
import { Link, useLocation } from 'react-router-dom';
import { useCan } from '../auth';
import { AuditIcon, CalendarIcon, DashboardIcon, EditIcon, HomeIcon, KeyIcon, SearchIcon, TreeIcon, UserIcon, UsersIcon } from '../components/icons';
import { useI18n } from '../i18n';
import { CITY_SECTIONS, useCityMenuItem } from './cases/cityMenu';
import { CATALOG_SECTION, useCatalogMenuItem } from '../services/catalog/menu';
import { RESOURCE_CATALOG_SECTION, useResourceCatalogMenuItem } from '../catalog/menu';
import { REGISTRY_SECTION, useRegistryMenuItem } from '../registry/menu';
import { INTERACTION_SECTIONS, useInteractionMenuItem } from '../interaction/menu';
import { DISCLOSURE_SECTIONS, useDisclosureMenuItem } from '../disclosure/menu';
import { APPLICATIONS_SECTION, useApplicationsMenuItem } from './applications/menu';
import { IOT_SECTIONS, useIotMenuItem } from '../iot/menu';
import { SHARING_SECTION, useSharingMenuItem } from '../sharing/menu';

interface Props {
  theme: 'dark' | 'light';
  /** Adds a "back to portal" entry (phones, where the header has no room for it). */
  withPortalLink?: boolean;
}

const SECTIONS = [...CITY_SECTIONS, CATALOG_SECTION, RESOURCE_CATALOG_SECTION, SHARING_SECTION, REGISTRY_SECTION, ...INTERACTION_SECTIONS, ...DISCLOSURE_SECTIONS, APPLICATIONS_SECTION, ...IOT_SECTIONS, '/work/requests/new', '/work/orgs', '/work/calendar', '/work/account', '/work/accounts', '/work/roles', '/work/citizens', '/work/audit'];

function selectedKey(pathname: string): string {
  return SECTIONS.find((key) => pathname === key || pathname.startsWith(`${key}/`)) ?? '/work';
}

export function WorkMenu({ theme, withPortalLink = false }: Props) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const canManageAccounts = useCan('identity:account.manage');
  const canReadAudit = useCan('audit:read');
  const canManageRoles = useCan('identity:role.manage');
  const canLookUpCitizens = useCan('identity:citizen.lookup');
  const cityItem = useCityMenuItem();
  const catalogItem = useCatalogMenuItem();
  const registryItem = useRegistryMenuItem();
  const resourceCatalogItem = useResourceCatalogMenuItem();
  const sharingItem = useSharingMenuItem();
  const interactionItem = useInteractionMenuItem();
  const disclosureItem = useDisclosureMenuItem();
  const applicationsItem = useApplicationsMenuItem();
  const iotItem = useIotMenuItem();
  const items: NonNullable<MenuProps['items']> = [
    { key: '/work', icon: <HomeIcon />, label: <Link to="/work" data-testid="menu-home">{t('work.menu.home')}</Link> },
    { key: '/work/requests/new', icon: <EditIcon />, label: <Link to="/work/requests/new" data-testid="menu-new-request">{t('work.menu.newRequest')}</Link> },
    { key: '/work/orgs', icon: <TreeIcon />, label: <Link to="/work/orgs">{t('work.menu.orgs')}</Link> },
    { key: '/work/calendar', icon: <CalendarIcon />, label: <Link to="/work/calendar" data-testid="menu-calendar">{t('work.menu.calendar')}</Link> },
    { key: '/work/account', icon: <UserIcon />, label: <Link to="/work/account" data-testid="menu-account">{t('work.menu.account')}</Link> },
  ];
  if (cityItem) items.push(cityItem);
  if (iotItem) items.push(iotItem);
  if (catalogItem) items.push(catalogItem);
  if (registryItem) items.push(registryItem);
  if (resourceCatalogItem) items.push(resourceCatalogItem);
  if (sharingItem) items.push(sharingItem);
  if (interactionItem) items.push(interactionItem);
  if (disclosureItem) items.push(disclosureItem);
  if (applicationsItem) items.push(applicationsItem);
  if (canManageAccounts) {
    items.push({ key: '/work/accounts', icon: <UsersIcon />, label: <Link to="/work/accounts" data-testid="menu-accounts">{t('work.menu.accounts')}</Link> });
  }
  if (canManageRoles) {
    items.push({ key: '/work/roles', icon: <KeyIcon />, label: <Link to="/work/roles" data-testid="menu-roles">{t('work.menu.roles')}</Link> });
  }
  if (canLookUpCitizens) {
    items.push({ key: '/work/citizens', icon: <SearchIcon />, label: <Link to="/work/citizens" data-testid="menu-citizens">{t('work.menu.citizens')}</Link> });
  }
  if (canReadAudit) {
    items.push({ key: '/work/audit', icon: <AuditIcon />, label: <Link to="/work/audit" data-testid="menu-audit">{t('work.menu.audit')}</Link> });
  }
  items.push({ key: '/command', icon: <DashboardIcon />, label: <Link to="/command">{t('work.menu.command')}</Link> });
  if (withPortalLink) {
    items.push({ type: 'divider' }, { key: '/', label: <Link to="/">{t('common.backToPortal')}</Link> });
  }
  return (
    <Menu
      theme={theme}
      mode="inline"
      selectedKeys={[selectedKey(pathname)]}
      defaultOpenKeys={pathname.startsWith('/work/iot/') ? ['city', 'iot'] : ['city']}
      items={items}
      data-testid="work-menu"
    />
  );
}
