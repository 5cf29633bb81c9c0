import { Typography } from 'antd';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { PortalFooter } from '../portal/PortalFooter';
import { PortalHeader } from '../portal/PortalHeader';
import '../portal/portal.css';
import './opendata.css';

/** The portal's 数据开放 pages: header, title, content, footer. */
export function OpenDataShell({ title, testId, heading = true, children }: { title: string; testId: string; heading?: boolean; children: ReactNode }) {
  const { t } = useI18n();
  useDocumentTitle(`${title} · ${t('portal.title')}`);
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <div className="portal-container opendata-page" data-testid={testId}>
          {heading && <Typography.Title level={3}>{title}</Typography.Title>}
          {children}
        </div>
      </main>
      <PortalFooter />
    </div>
  );
}
