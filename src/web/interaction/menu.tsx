import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import { MailIcon } from './MailIcon';
import { useI18n } from '../i18n';
import { useTicketAccess } from './access';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The paths of the 政民互动 pages, most specific first (for the menu's selected key). */
export const INTERACTION_SECTIONS = ['/work/interaction/register', '/work/interaction'];

/** 政民互动 → 工单列表, 登记来电, for the centre and leaders; null for others. */
export function useInteractionMenuItem(): MenuItem | null {
  const { t } = useI18n();
  const access = useTicketAccess();
  const children: MenuItem[] = [];
  if (access.list) children.push({ key: '/work/interaction', label: <Link to="/work/interaction" data-testid="menu-tickets">{t('interaction.menu.list')}</Link> });
  if (access.centre) children.push({ key: '/work/interaction/register', label: <Link to="/work/interaction/register" data-testid="menu-ticket-register">{t('interaction.menu.register')}</Link> });
  if (children.length === 0) return null;
  return { key: 'interaction', icon: <MailIcon />, label: <span data-testid="menu-interaction">{t('interaction.menu.group')}</span>, children };
}
