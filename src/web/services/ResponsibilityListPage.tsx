import { Collapse, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { fetchResponsibilityList } from '../api/services';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { typeLabel } from './labels';
import { ServicesShell } from './ServicesShell';

/** `/services/responsibility-list`: 责任清单, each power's duties per stage and the cases of accountability. */
export function ResponsibilityListPage() {
  const { t } = useI18n();
  const list = useApi(fetchResponsibilityList, []);
  return (
    <ServicesShell title={t('services.nav.duty')} testId="duty-list-page">
      <Typography.Paragraph type="secondary">{t('services.duty.intro')}</Typography.Paragraph>
      <AsyncView state={list} isEmpty={(l) => l.total === 0}>
        {(l) => (
          <Collapse
            items={l.departments.map((d) => ({
              key: d.id,
              label: `${d.name}（${d.items.length}）`,
              children: d.items.map((item) => (
                <section key={item.code} className="services-duty" data-testid={`duty-${item.code}`}>
                  <Typography.Title level={5}>
                    <Link to={`/services/${item.code}`}>{item.name}</Link> <small>{typeLabel(t, item.type)}</small>
                  </Typography.Title>
                  <dl className="services-duties">
                    {item.responsibility.duties.map((duty) => (
                      <div key={duty.stage}>
                        <dt>{duty.stage}</dt>
                        <dd>{duty.content}</dd>
                      </div>
                    ))}
                    <div>
                      <dt>{t('services.duty.accountability')}</dt>
                      <dd>{item.responsibility.accountability}</dd>
                    </div>
                  </dl>
                </section>
              )),
            }))}
          />
        )}
      </AsyncView>
    </ServicesShell>
  );
}
