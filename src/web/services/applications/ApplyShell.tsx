import type { ReactNode } from 'react';
import { useI18n } from '../../i18n';
import { PortalSectionShell } from '../../portal/PortalSectionShell';
import '../services.css';
import './apply.css';

interface Props {
  title: string;
  testId: string;
  /** sends visitors who are not signed in to the login page (and back) */
  signedIn?: boolean;
  nav?: boolean;
  children: ReactNode;
}

/** The portal's 网上办事 pages: header, a switch between my applications and the progress query, footer. */
export function ApplyShell({ title, testId, signedIn = false, nav = true, children }: Props) {
  const { t } = useI18n();
  const pages = [
    { path: '/services/applications', label: t('apply.nav.mine'), testId: 'apply-nav-applications' },
    { path: '/services/progress', label: t('apply.nav.progress'), testId: 'apply-nav-progress' },
  ];
  return (
    <PortalSectionShell
      title={title}
      testId={testId}
      signedIn={signedIn}
      nextWithQuery
      className="services-page apply-page"
      nav={nav ? { pages, className: 'services-nav' } : undefined}
      titleClassName="services-title"
    >
      {children}
    </PortalSectionShell>
  );
}
