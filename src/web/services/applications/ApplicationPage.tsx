import { message } from 'antd';
import { useParams } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { ButtonLink } from '../../components/ButtonLink';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { fetchApplication } from './api';
import { ApplicationOutcome } from './ApplicationOutcome';
import { ApplicationView } from './ApplicationView';
import { ApplyShell } from './ApplyShell';
import { CorrectionForm } from './CorrectionForm';

/** `/services/applications/{id}` (signed in): everything about my application; corrections uploaded here. */
export function ApplicationPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const detail = useApi((signal) => fetchApplication(id, signal), [id]);
  return (
    <ApplyShell title={detail.data?.item.name ?? t('apply.detail.title')} testId="application-page" signedIn nav={false}>
      <ButtonLink to="/services/applications" type="link" className="services-back" data-testid="application-back">
        {t('apply.backToMine')}
      </ButtonLink>
      <AsyncView state={detail}>
        {(a) => (
          <ApplicationView
            application={a}
            extra={
              <>
                <ApplicationOutcome application={a} />
                {a.status === 'correcting' && (
                  <CorrectionForm
                    application={a}
                    onDone={() => {
                      void message.success(t('apply.corrections.sent'));
                      detail.reload();
                    }}
                  />
                )}
                {a.status === 'draft' && (
                  <ButtonLink to={`/services/apply/${a.item.code}?draft=${a.id}`} type="primary" block data-testid="application-continue">
                    {t('apply.continueDraft')}
                  </ButtonLink>
                )}
              </>
            }
          />
        )}
      </AsyncView>
    </ApplyShell>
  );
}
