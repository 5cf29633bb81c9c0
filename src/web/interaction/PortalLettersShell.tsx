import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { PortalSectionShell } from '../portal/PortalSectionShell';
import './interaction.css';

interface Props {
  title: string;
  /** sends visitors who are not signed in to the login page (and back) */
  signedIn?: boolean;
  testId: string;
  children: ReactNode;
}

/** The portal's 政民互动 pages: header, a switch between write / my letters / public replies, footer. */
export function PortalLettersShell({ title, signedIn = false, testId, children }: Props) {
  const { t } = useI18n();
  const pages = [
    { path: '/letters/write', label: t('interaction.nav.write'), testId: 'letters-nav-letters-write' },
    { path: '/me/letters', label: t('interaction.nav.mine'), testId: 'letters-nav-me-letters' },
    { path: '/letters', label: t('interaction.nav.public'), testId: 'letters-nav-letters' },
  ];
  return (
    <PortalSectionShell title={title} testId={testId} signedIn={signedIn} className="letters-page" nav={{ pages, className: 'letters-nav' }}>
      {children}
    </PortalSectionShell>
  );
}
