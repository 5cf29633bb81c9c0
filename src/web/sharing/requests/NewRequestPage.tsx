import { Card, message } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../../auth';
import { AsyncView } from '../../components/AsyncView';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { useSharingAccess } from '../access';
import { createRequest, listShareable, listSystems } from '../api';
import { RequestForm } from './RequestForm';

/** `/work/sharing/requests/new?resource=<id>`: a new share request, prefilled with the resource chosen on 资源. */
export function NewRequestPage() {
  const { t } = useI18n();
  useDocumentTitle(`${t('sharing.form.title')} · ${t('sharing.title')}`);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const { me } = useAuth();
  const can = useSharingAccess();
  const setup = useApi(async (signal) => {
    const [resources, systems] = await Promise.all([listShareable(signal), can.systems ? listSystems(signal) : Promise.resolve([])]);
    return {
      // only conditionally shared resources of other departments need (and allow) a request
      resources: resources.filter((r) => r.shareType === 'conditional' && r.providerOrgId !== me?.orgId),
      systems: systems.filter((s) => s.status === 'active'),
    };
  }, [can.systems, me?.orgId]);
  return (
    <Card title={t('sharing.form.title')} data-testid="sharing-new-request-page">
      <AsyncView state={setup}>
        {(s) => (
          <RequestForm
            resources={s.resources}
            systems={s.systems}
            initialResourceId={params.get('resource') ?? undefined}
            onSubmit={async (input) => {
              const created = await createRequest(input);
              void message.success(t('sharing.form.submitted'));
              navigate(`/work/sharing/requests/${created.id}`);
            }}
          />
        )}
      </AsyncView>
    </Card>
  );
}
