import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { PortalSectionShell } from '../portal/PortalSectionShell';
import './services.css';

interface Props {
  title: string;
  testId: string;
  /** shows the switch between search, power list and responsibility list */
  nav?: boolean;
  /** the title as the page's heading (a guide shows its own) */
  heading?: boolean;
  children: ReactNode;
}

/** The portal's 政务服务 pages: header, the switch between search and the two lists, footer. */
export function ServicesShell({ title, testId, nav = true, heading = true, children }: Props) {
  const { t } = useI18n();
  const pages = [
    { path: '/services', label: t('services.nav.search'), testId: 'services-nav-services' },
    { path: '/services/power-list', label: t('services.nav.power'), testId: 'services-nav-power-list' },
    { path: '/services/responsibility-list', label: t('services.nav.duty'), testId: 'services-nav-responsibility-list' },
  ];
  return (
    <PortalSectionShell
      title={title}
      testId={testId}
      className="services-page"
      nav={nav ? { pages, className: 'services-nav' } : undefined}
      heading={heading}
      titleClassName="services-title"
    >
      {children}
    </PortalSectionShell>
  );
}
