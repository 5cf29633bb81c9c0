import { Button, Card, Tooltip } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { fetchGuide } from '../api/services';
import { AsyncView } from '../components/AsyncView';
import { ButtonLink } from '../components/ButtonLink';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { GuideView } from './GuideView';
import { ItemRatingSummary } from './ratings/ItemRatingSummary';
import { ServicesShell } from './ServicesShell';

/** `/services/{code}`: the guide of a published item, with the (not yet open) online application. */
export function GuidePage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const guide = useApi((signal) => fetchGuide(code, signal), [code]);
  return (
    <ServicesShell title={guide.data?.name ?? t('services.portal.title')} testId="guide-page" nav={false} heading={false}>
      <ButtonLink to="/services" type="link" className="services-back" data-testid="guide-back">
        {t('services.guide.back')}
      </ButtonLink>
      <AsyncView state={guide}>
        {(g) => (
          <>
            <GuideView guide={g} />
            <Card size="small" title={t('services.guide.ratings')} className="services-card" data-testid="guide-ratings" extra={<Link to="/services/ratings" data-testid="guide-ratings-all">{t('services.guide.allRatings')}</Link>}>
              <ItemRatingSummary code={g.code} />
            </Card>
            <div className="services-apply">
              {g.online ? (
                <ButtonLink to={`/services/apply/${g.code}`} type="primary" size="large" block data-testid="guide-apply">
                  {t('services.guide.apply')}
                </ButtonLink>
              ) : (
                <Tooltip title={t('apply.notOnline')}>
                  <Button type="primary" size="large" block disabled data-testid="guide-apply">
                    {t('services.guide.apply')}
                  </Button>
                </Tooltip>
              )}
            </div>
          </>
        )}
      </AsyncView>
    </ServicesShell>
  );
}
