import { message } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { ButtonLink } from '../../components/ButtonLink';
import { NotFound } from '../../components/NotFound';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { fetchApplication } from '../../services/applications/api';
import { ApplicationView } from '../../services/applications/ApplicationView';
import { ProcessPanel } from '../../workflow/ProcessPanel';
import '../../services/applications/apply.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/work/applications/:id`: the application (form, materials, notices, timeline) and the shared process panel (受理、补正、审查、决定、送达). */
export function ReviewPage() {
  const { id = '' } = useParams();
  return UUID.test(id) ? <Review key={id} id={id} /> : <NotFound />;
}

function Review({ id }: { id: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const detail = useApi((signal) => fetchApplication(id, signal), [id]);
  const [round, setRound] = useState(0);
  useDocumentTitle(detail.data?.businessNo ? `${detail.data.businessNo} · ${t('apply.work.review')}` : t('apply.work.review'));
  return (
    <div className="work-stack" data-testid="application-review-page">
      <div>
        <ButtonLink to="/work" data-testid="application-review-back">
          ‹ {t('wf.backToInbox')}
        </ButtonLink>
      </div>
      <AsyncView state={detail}>
        {(a) => (
          <>
            {a.instanceId && (
              <ProcessPanel
                key={`panel-${round}`}
                instanceId={a.instanceId}
                onDone={(notice) => {
                  void message.success(notice);
                  setRound((n) => n + 1);
                  detail.reload();
                  navigate(`/work/applications/${id}`, { replace: true });
                }}
              />
            )}
            <ApplicationView application={a} />
          </>
        )}
      </AsyncView>
    </div>
  );
}
