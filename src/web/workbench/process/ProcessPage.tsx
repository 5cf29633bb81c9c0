import { message } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ButtonLink } from '../../components/ButtonLink';
import { useI18n } from '../../i18n';
import { ProcessPanel } from '../../workflow/ProcessPanel';

/** `/work/process/:id`: the process panel; after an action, back to the inbox with a message. */
export function ProcessPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  return (
    <div className="work-stack">
      <div>
        <ButtonLink to="/work" data-testid="panel-back">
          ‹ {t('wf.backToInbox')}
        </ButtonLink>
      </div>
      <ProcessPanel
        key={id}
        instanceId={id}
        onDone={(notice) => {
          void message.success(notice);
          navigate('/work');
        }}
      />
    </div>
  );
}
