import { Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { PageFallback } from '../components/PageFallback';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { PortalFooter } from '../portal/PortalFooter';
import { PortalHeader } from '../portal/PortalHeader';
import '../portal/portal.css';
import './interaction.css';

const PAGES = ['/letters/write', '/me/letters', '/letters'] as const;

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
  useDocumentTitle(`${title} · ${t('portal.title')}`);
  const { me } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (signedIn && me === undefined) return <PageFallback />;
  if (signedIn && (me === null || me?.mfaPending)) return <Navigate to={`/login?next=${encodeURIComponent(pathname)}`} replace />;
  const labels = { '/letters/write': t('interaction.nav.write'), '/me/letters': t('interaction.nav.mine'), '/letters': t('interaction.nav.public') };
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <div className="portal-container letters-page" data-testid={testId}>
          <Segmented
            block
            value={pathname}
            onChange={(to) => navigate(String(to))}
            options={PAGES.map((p) => ({ value: p, label: <span data-testid={`letters-nav-${p.replace(/\//g, '-').slice(1)}`}>{labels[p]}</span> }))}
            className="letters-nav"
          />
          <Typography.Title level={3}>{title}</Typography.Title>
          {children}
        </div>
      </main>
      <PortalFooter />
    </div>
  );
}
