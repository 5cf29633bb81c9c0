import { fetchMyCases } from '../../api/cases';
import { AsyncView } from '../../components/AsyncView';
import { ButtonLink } from '../../components/ButtonLink';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { MyCaseItem } from './MyCaseItem';
import { PortalCasesShell } from './PortalCasesShell';

/** `/me/cases` (signed in): what I reported, with its state; rate the result once closed. */
export function MyCasesPage() {
  const { t } = useI18n();
  return (
    <PortalCasesShell title={t('cases.portal.mineTitle')} signedIn testId="my-cases-page">
      <MyCases />
    </PortalCasesShell>
  );
}

function MyCases() {
  const { t } = useI18n();
  const mine = useApi(fetchMyCases, []);
  return (
    <div data-testid="my-cases" data-loading={mine.loading ? 'true' : 'false'}>
      <AsyncView state={mine} isEmpty={(items) => items.length === 0} emptyText={t('cases.mine.empty')}>
        {(items) => items.map((item) => <MyCaseItem key={item.id} item={item} onRated={mine.reload} />)}
      </AsyncView>
      <ButtonLink to="/report" type="primary" block className="portal-cases-nav" style={{ marginTop: 16 }} data-testid="my-cases-report">
        {t('cases.portal.report')}
      </ButtonLink>
    </div>
  );
}
