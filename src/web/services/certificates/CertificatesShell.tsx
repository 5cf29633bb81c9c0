import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { useAuth } from '../../auth';
import { PageFallback } from '../../components/PageFallback';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { PortalFooter } from '../../portal/PortalFooter';
import { PortalHeader } from '../../portal/PortalHeader';
import '../../portal/portal.css';
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
  const { t } = useI18n();
  useDocumentTitle(`${title} · ${t('portal.title')}`);
  const { me } = useAuth();
  const { pathname, search } = useLocation();
  if (signedIn && me === undefined) return <PageFallback />;
  if (signedIn && (me === null || me?.mfaPending)) return <Navigate to={`/login?next=${encodeURIComponent(pathname + search)}`} replace />;
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <div className="portal-container services-page" data-testid={testId}>
          <Typography.Title level={3} className="services-title">
            {title}
          </Typography.Title>
          {children}
        </div>
      </main>
      <PortalFooter />
    </div>
  );
}
