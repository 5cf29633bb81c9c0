import { Card, Typography, message } from 'antd';
import { useState } from 'react';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { useSharingAccess } from '../access';
import { listGrants, revokeGrant, type Grant } from '../api';
import { ReasonDialog } from '../ReasonDialog';
import { GrantTable } from './GrantTable';

/** `/work/sharing/grants`: grants to the department's systems, and grants of its resources (which it may revoke). */
export function GrantsPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('sharing.tab.grants')} · ${t('sharing.title')}`);
  const can = useSharingAccess();
  const [revoking, setRevoking] = useState<Grant | null>(null);
  const consumer = useApi((signal) => (can.request ? listGrants('consumer', signal) : Promise.resolve([])), [can.request]);
  const provider = useApi((signal) => (can.decide ? listGrants('provider', signal) : Promise.resolve([])), [can.decide]);
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{t('sharing.grants.hint')}</Typography.Paragraph>
      {can.request && (
        <Card title={t('sharing.grants.asConsumer')} data-testid="sharing-grants-consumer-card">
          <AsyncView state={consumer}>{(grants) => <GrantTable role="consumer" grants={grants} />}</AsyncView>
        </Card>
      )}
      {can.decide && (
        <Card title={t('sharing.grants.asProvider')} data-testid="sharing-grants-provider-card">
          <AsyncView state={provider}>{(grants) => <GrantTable role="provider" grants={grants} onRevoke={setRevoking} />}</AsyncView>
        </Card>
      )}
      <ReasonDialog
        open={revoking !== null}
        title={revoking ? `${t('sharing.grants.revokeTitle')}：${revoking.resource.name} · ${revoking.system.name}` : t('sharing.grants.revokeTitle')}
        hint={t('sharing.grants.revokeHint')}
        okText={t('sharing.grants.revoke')}
        testId="sharing-grant-revoke"
        onClose={() => setRevoking(null)}
        onConfirm={async (reason) => {
          if (!revoking) return;
          await revokeGrant(revoking.id, reason);
          setRevoking(null);
          void message.success(t('sharing.grants.revoked'));
          provider.reload();
        }}
      />
    </>
  );
}
