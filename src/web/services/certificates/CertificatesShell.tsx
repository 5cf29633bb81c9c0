import type { ReactNode } from 'react';
import { PortalSectionShell } from '../../portal/PortalSectionShell';
import '../services.css';
import './certificates.css';

interface Props {
  title: string;
  testId: string;
  /** sends visitors who are not signed in to the login page (and back) */
  signedIn?: boolean;
  children: ReactNode;
}

/** The portal frame of the certificate and rating pages: header, title, footer. */
export function CertificatesShell({ title, testId, signedIn = false, children }: Props) {
  return (
    <PortalSectionShell title={title} testId={testId} signedIn={signedIn} nextWithQuery className="services-page" titleClassName="services-title">
      {children}
    </PortalSectionShell>
  );
}
