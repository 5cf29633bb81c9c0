import type { MenuProps } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n';
import { useDisclosureAccess } from './access';

type MenuItem = NonNullable<MenuProps['items']>[number];

/** The paths of the 信息公开 pages, most specific first (for the menu's selected key). */
export const DISCLOSURE_SECTIONS = ['/work/disclosure/requests', '/work/disclosure'];

function DocIcon() {
  return (
    <span className="anticon" role="img" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" focusable="false">
        <path d="M6 3h9l4 4v14H6z" />
        <path d="M9 12h7M9 16h7M9 8h4" />
      </svg>
    </span>
  );
}

/** 信息公开 → 信息发布 (editors, leaders), 依申请公开办理 (answerers); null for others. */
export function useDisclosureMenuItem(): MenuItem | null {
  const { t } = useI18n();
  const access = useDisclosureAccess();
  const children: MenuItem[] = [];
  if (access.articles) children.push({ key: '/work/disclosure', label: <Link to="/work/disclosure" data-testid="menu-disclosure-articles">{t('disclosure.menu.articles')}</Link> });
  if (access.answer) children.push({ key: '/work/disclosure/requests', label: <Link to="/work/disclosure/requests" data-testid="menu-disclosure-requests">{t('disclosure.menu.requests')}</Link> });
  if (children.length === 0) return null;
  return { key: 'disclosure', icon: <DocIcon />, label: <span data-testid="menu-disclosure">{t('disclosure.menu.group')}</span>, children };
}
