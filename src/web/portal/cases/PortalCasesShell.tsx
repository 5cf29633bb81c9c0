import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { PortalSectionShell } from '../PortalSectionShell';
import '../../cases/cases.css';

interface Props {
  title: string;
  /** sends visitors who are not signed in to the login page (and back) */
  signedIn?: boolean;
  testId: string;
  children: ReactNode;
}

/** The portal's 城市管理 pages: header, a switch between report / my reports / map, footer. */
export function PortalCasesShell({ title, signedIn = false, testId, children }: Props) {
  const { t } = useI18n();
  const pages = [
    { path: '/report', label: t('cases.portal.report'), testId: 'portal-cases-nav-report' },
    { path: '/me/cases', label: t('cases.portal.mine'), testId: 'portal-cases-nav-me-cases' },
    { path: '/cases/map', label: t('cases.portal.map'), testId: 'portal-cases-nav-cases-map' },
  ];
  return (
    <PortalSectionShell title={title} testId={testId} signedIn={signedIn} className="portal-cases" nav={{ pages, className: 'portal-cases-nav' }}>
      {children}
    </PortalSectionShell>
  );
}
