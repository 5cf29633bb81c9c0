import { Card } from 'antd';
import { useMemo } from 'react';
import { fetchAccounts } from '../../api/admin';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../hooks/useApi';
import { useOrgs } from '../../hooks/useOrgs';
import { useI18n } from '../../i18n';
import { AccountsTable } from './AccountsTable';
import { CreateStaffForm } from './CreateStaffForm';

/** `/work/accounts` (identity:account.manage): staff accounts and creating new ones. */
export function AccountsPage() {
  const { t } = useI18n();
  const accounts = useApi(fetchAccounts, []);
  const orgs = useOrgs();
  const names = useMemo(() => new Map((orgs.data ?? []).map((org) => [org.id, org.name])), [orgs.data]);
  const orgName = (id: string | null) => (id ? (names.get(id) ?? id) : '—');

  return (
    <div className="work-stack" data-testid="accounts-page">
      <Card title={t('accounts.title')}>
        <AsyncView state={accounts}>
          {(list) => <AccountsTable accounts={list.filter((a) => a.kind === 'staff')} orgName={orgName} />}
        </AsyncView>
      </Card>
      <Card title={t('accounts.createTitle')}>
        <AsyncView state={orgs}>{(list) => <CreateStaffForm orgs={list} onCreated={accounts.reload} />}</AsyncView>
      </Card>
    </div>
  );
}
