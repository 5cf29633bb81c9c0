import { Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../../auth';
import { PageFallback } from '../../components/PageFallback';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { PortalFooter } from '../../portal/PortalFooter';
import { PortalHeader } from '../../portal/PortalHeader';
import '../../portal/portal.css';
import '../services.css';
import './apply.css';

const PAGES = ['/services/applications', '/services/progress'] as const;

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
  useDocumentTitle(`${title} · ${t('portal.title')}`);
  const { me } = useAuth();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  if (signedIn && me === undefined) return <PageFallback />;
  if (signedIn && (me === null || me?.mfaPending)) return <Navigate to={`/login?next=${encodeURIComponent(pathname + search)}`} replace />;
  const labels = { '/services/applications': t('apply.nav.mine'), '/services/progress': t('apply.nav.progress') };
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <div className="portal-container services-page apply-page" data-testid={testId}>
          {nav && (
            <Segmented
              block
              value={pathname}
              onChange={(to) => navigate(String(to))}
              options={PAGES.map((p) => ({ value: p, label: <span data-testid={`apply-nav-${p.split('/').pop()}`}>{labels[p]}</span> }))}
              className="services-nav"
            />
          )}
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
