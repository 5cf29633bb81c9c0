import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { PortalSectionShell } from '../portal/PortalSectionShell';
import './disclosure.css';

interface Props {
  title: string;
  signedIn?: boolean;
  testId: string;
  children: ReactNode;
}

/** The portal's 信息公开 pages: header, a switch between published information / request / my requests, footer. */
export function DisclosureShell({ title, signedIn = false, testId, children }: Props) {
  const { t } = useI18n();
  const pages = [
    { path: '/disclosure', label: t('disclosure.nav.list'), testId: 'disclosure-nav-disclosure' },
    { path: '/disclosure/apply', label: t('disclosure.nav.apply'), testId: 'disclosure-nav-disclosure-apply' },
    { path: '/me/disclosure', label: t('disclosure.nav.mine'), testId: 'disclosure-nav-me-disclosure' },
  ];
  return (
    <PortalSectionShell
      title={title}
      testId={testId}
      signedIn={signedIn}
      className="disclosure-page"
      nav={{ pages, className: 'disclosure-nav', fallback: '/disclosure' }}
    >
      {children}
    </PortalSectionShell>
  );
}
