import { Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { PortalFooter } from '../portal/PortalFooter';
import { PortalHeader } from '../portal/PortalHeader';
import '../portal/portal.css';
import './services.css';

const PAGES = ['/services', '/services/power-list', '/services/responsibility-list'] as const;

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
  useDocumentTitle(`${title} · ${t('portal.title')}`);
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const labels = { '/services': t('services.nav.search'), '/services/power-list': t('services.nav.power'), '/services/responsibility-list': t('services.nav.duty') };
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <div className="portal-container services-page" data-testid={testId}>
          {nav && (
            <Segmented
              block
              value={pathname}
              onChange={(to) => navigate(String(to))}
              options={PAGES.map((p) => ({ value: p, label: <span data-testid={`services-nav-${p.split('/').pop()}`}>{labels[p]}</span> }))}
              className="services-nav"
            />
          )}
          {heading && (
            <Typography.Title level={3} className="services-title">
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
