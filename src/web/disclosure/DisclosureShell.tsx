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
import './disclosure.css';

const PAGES = ['/disclosure', '/disclosure/apply', '/me/disclosure'] as const;

interface Props {
  title: string;
  signedIn?: boolean;
  testId: string;
  children: ReactNode;
}

/** The portal's 信息公开 pages: header, a switch between published information / request / my requests, footer. */
export function DisclosureShell({ title, signedIn = false, testId, children }: Props) {
  const { t } = useI18n();
  useDocumentTitle(`${title} · ${t('portal.title')}`);
  const { me } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (signedIn && me === undefined) return <PageFallback />;
  if (signedIn && (me === null || me?.mfaPending)) return <Navigate to={`/login?next=${encodeURIComponent(pathname)}`} replace />;
  const labels = { '/disclosure': t('disclosure.nav.list'), '/disclosure/apply': t('disclosure.nav.apply'), '/me/disclosure': t('disclosure.nav.mine') };
  const current = PAGES.find((p) => p === pathname) ?? '/disclosure';
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <div className="portal-container disclosure-page" data-testid={testId}>
          <Segmented
            block
            value={current}
            onChange={(to) => navigate(String(to))}
            options={PAGES.map((p) => ({ value: p, label: <span data-testid={`disclosure-nav-${p.replace(/\//g, '-').slice(1)}`}>{labels[p]}</span> }))}
            className="disclosure-nav"
          />
          <Typography.Title level={3}>{title}</Typography.Title>
          {children}
        </div>
      </main>
      <PortalFooter />
    </div>
  );
}
