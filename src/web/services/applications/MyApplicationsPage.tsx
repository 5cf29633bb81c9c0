import { List, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { fetchMyApplications } from './api';
import { ApplyShell } from './ApplyShell';
import { StatusTag } from './StatusTag';

/** `/services/applications` (signed in): 我的办件, drafts included, newest first. */
export function MyApplicationsPage() {
  const { t, lang } = useI18n();
  const mine = useApi(fetchMyApplications, []);
  return (
    <ApplyShell title={t('apply.nav.mine')} testId="my-applications-page" signedIn>
      <div data-testid="my-applications" data-loading={mine.loading ? 'true' : 'false'}>
        <AsyncView state={mine} isEmpty={(items) => items.length === 0} emptyText={t('apply.mine.empty')}>
          {(items) => (
            <List
              dataSource={items}
              renderItem={(a) => (
                <Link to={`/services/applications/${a.id}`} className="apply-list-item" data-testid={`my-application-${a.businessNo ?? a.id}`}>
                  <div>
                    <strong>{a.itemName}</strong> <StatusTag status={a.status} />
                  </div>
                  <Typography.Text type="secondary">
                    {a.businessNo ?? t('apply.draftNo')} · {formatDateTime(a.submittedAt ?? a.updatedAt, lang)}
                  </Typography.Text>
                </Link>
              )}
            />
          )}
        </AsyncView>
      </div>
    </ApplyShell>
  );
}
