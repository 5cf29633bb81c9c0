import { Drawer, Layout } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router-dom';
import { PHONE_QUERY, useMediaQuery } from '../hooks/useMediaQuery';
import { useI18n } from '../i18n';
import { WorkHeader } from './WorkHeader';
import { WorkMenu } from './WorkMenu';

/** Sider menu (collapsing below `lg`) on larger screens, a Drawer on phones. */
export function WorkbenchLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const isPhone = useMediaQuery(PHONE_QUERY);
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { pathname } = useLocation();

  useEffect(() => setDrawerOpen(false), [pathname, isPhone]);

  return (
    <Layout className="work-layout">
      {!isPhone && (
        <Layout.Sider
          className="work-sider"
          breakpoint="lg"
          collapsible
          collapsed={collapsed}
          onCollapse={(value) => setCollapsed(value)}
          width={220}
        >
          <div className="work-brand" aria-hidden="true">
            {collapsed ? t('app.emblem') : t('work.brand')}
          </div>
          <WorkMenu theme="dark" />
        </Layout.Sider>
      )}
      <Layout>
        <WorkHeader isPhone={isPhone} onOpenMenu={() => setDrawerOpen(true)} />
        <Layout.Content className="work-content">{children}</Layout.Content>
      </Layout>
      {isPhone && (
        <Drawer
          placement="left"
          width={260}
          title={t('work.menu.drawerTitle')}
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          styles={{ body: { padding: 0 } }}
        >
          <WorkMenu theme="light" withPortalLink />
        </Drawer>
      )}
    </Layout>
  );
}
