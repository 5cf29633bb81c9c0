import { Tabs } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useI18n, type MessageKey } from '../i18n';
import { useSharingAccess, type SharingAccess } from './access';
import { SHARING_SECTION } from './menu';
import './sharing.css';

interface Tab {
  path: string;
  label: MessageKey;
  testId: string;
  shown: (can: SharingAccess) => boolean;
}

const TABS: Tab[] = [
  { path: SHARING_SECTION, label: 'sharing.tab.resources', testId: 'sharing-tab-resources', shown: () => true },
  { path: `${SHARING_SECTION}/systems`, label: 'sharing.tab.systems', testId: 'sharing-tab-systems', shown: (c) => c.systems },
  { path: `${SHARING_SECTION}/requests`, label: 'sharing.tab.requests', testId: 'sharing-tab-requests', shown: () => true },
  { path: `${SHARING_SECTION}/grants`, label: 'sharing.tab.grants', testId: 'sharing-tab-grants', shown: (c) => c.request || c.decide },
  { path: `${SHARING_SECTION}/exchanges`, label: 'sharing.tab.exchanges', testId: 'sharing-tab-exchanges', shown: (c) => c.usage || c.request },
];

/** The tab a path belongs to: the longest tab path it starts with (a request page is under 共享申请). */
function activeTab(pathname: string): string {
  const hits = TABS.filter((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`));
  return hits.sort((a, b) => b.path.length - a.path.length)[0]?.path ?? SHARING_SECTION;
}

/** The section's tabs, each its own route, above the page of the route. */
export function SharingLayout() {
  const { t } = useI18n();
  const can = useSharingAccess();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  return (
    <div className="work-stack sharing-section" data-testid="sharing-section">
      <Tabs
        activeKey={activeTab(pathname)}
        onChange={(path) => navigate(path)}
        items={TABS.filter((tab) => tab.shown(can)).map((tab) => ({ key: tab.path, label: <span data-testid={tab.testId}>{t(tab.label)}</span> }))}
        className="sharing-tabs"
      />
      <Outlet />
    </div>
  );
}
