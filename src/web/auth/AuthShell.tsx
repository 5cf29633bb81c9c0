import { Card, Typography } from 'antd';
import type { ReactNode } from 'react';
import { PortalFooter } from '../portal/PortalFooter';
import { PortalHeader } from '../portal/PortalHeader';
import '../portal/portal.css';
import './auth.css';

interface Props {
  title: string;
  subtitle?: string;
  children: ReactNode;
}

/** Portal-styled frame for the sign-in and registration forms. */
export function AuthShell({ title, subtitle, children }: Props) {
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main auth-main">
        <Card className="auth-card">
          <Typography.Title level={3} className="auth-title" data-testid="auth-title">
            {title}
          </Typography.Title>
          {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
          {children}
        </Card>
      </main>
      <PortalFooter />
    </div>
  );
}
