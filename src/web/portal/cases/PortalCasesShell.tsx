import { Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth';
import { PageFallback } from '../../components/PageFallback';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { PortalFooter } from '../PortalFooter';
import { PortalHeader } from '../PortalHeader';
import '../portal.css';
import '../../cases/cases.css';

const PAGES = ['/report', '/me/cases', '/cases/map'] as const;

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
  useDocumentTitle(`${title} · ${t('portal.title')}`);
  const { me } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  if (signedIn && me === undefined) return <PageFallback />;
  if (signedIn && (me === null || me?.mfaPending)) return <Navigate to={`/login?next=${encodeURIComponent(pathname)}`} replace />;
  const labels = { '/report': t('cases.portal.report'), '/me/cases': t('cases.portal.mine'), '/cases/map': t('cases.portal.map') };
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <div className="portal-container portal-cases" data-testid={testId}>
          <Segmented
            block
            value={pathname}
            onChange={(to) => navigate(String(to))}
            options={PAGES.map((p) => ({ value: p, label: <span data-testid={`portal-cases-nav-${p.replace(/\//g, '-').slice(1)}`}>{labels[p]}</span> }))}
            className="portal-cases-nav"
          />
          <Typography.Title level={3}>{title}</Typography.Title>
          {children}
        </div>
      </main>
      <PortalFooter />
    </div>
  );
}
