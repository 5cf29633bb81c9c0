import { Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth';
import { PageFallback } from '../components/PageFallback';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { PortalFooter } from './PortalFooter';
import { PortalHeader } from './PortalHeader';
import './portal.css';

export interface PortalSectionPage {
  path: string;
  label: string;
  testId: string;
}

export interface PortalSectionNav {
  pages: readonly PortalSectionPage[];
  className: string;
  /** the page shown as selected when the address is none of `pages`; without it none is */
  fallback?: string;
}

export interface PortalSectionShellProps {
  title: string;
  testId: string;
  /** sends visitors who are not signed in to the login page (and back) */
  signedIn?: boolean;
  /** also bring the query string back after sign-in (pages whose query carries state) */
  nextWithQuery?: boolean;
  /** added to `portal-container`: the section's own styles hang off it */
  className?: string;
  /** a switch between the section's pages above the title */
  nav?: PortalSectionNav;
  /** the title as the page's heading (pages that show their own pass false) */
  heading?: boolean;
  titleClassName?: string;
  children: ReactNode;
}

/** The frame every portal section page shares: header, optional page switch, title, content, footer. */
export function PortalSectionShell({
  title,
  testId,
  signedIn = false,
  nextWithQuery = false,
  className,
  nav,
  heading = true,
  titleClassName,
  children,
}: PortalSectionShellProps) {
  const { t } = useI18n();
  useDocumentTitle(`${title} · ${t('portal.title')}`);
  const { me } = useAuth();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  if (signedIn && me === undefined) return <PageFallback />;
  if (signedIn && (me === null || me?.mfaPending)) {
    const next = nextWithQuery ? pathname + search : pathname;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  const current = nav?.fallback === undefined ? pathname : (nav.pages.find((p) => p.path === pathname)?.path ?? nav.fallback);
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <div className={className ? `portal-container ${className}` : 'portal-container'} data-testid={testId}>
          {nav && (
            <Segmented
              block
              value={current}
              onChange={(to) => navigate(String(to))}
              options={nav.pages.map((p) => ({ value: p.path, label: <span data-testid={p.testId}>{p.label}</span> }))}
              className={nav.className}
            />
          )}
          {heading && (
            <Typography.Title level={3} className={titleClassName}>
              {title}
            </Typography.Title>
          )}
          {children}
        </div>
      </main>
      <PortalFooter />
    </div>
  );
}
