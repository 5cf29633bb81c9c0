import { Collapse, Table, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { fetchPowerList, type PowerList } from '../api/services';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { levelLabel, typeLabel } from './labels';
import { ServicesShell } from './ServicesShell';

type Row = PowerList['departments'][number]['types'][number]['items'][number];

/** `/services/power-list`: 权力清单, generated from the published catalogue, by department and type. */
export function PowerListPage() {
  const { t } = useI18n();
  const list = useApi(fetchPowerList, []);
  return (
    <ServicesShell title={t('services.nav.power')} testId="power-list-page">
      <Typography.Paragraph type="secondary">{t('services.power.intro')}</Typography.Paragraph>
      <AsyncView state={list} isEmpty={(l) => l.total === 0}>
        {(l) => (
          <>
            <Typography.Paragraph data-testid="power-count">{t('services.power.count', { count: l.total })}</Typography.Paragraph>
            <Collapse
              defaultActiveKey={l.departments.slice(0, 1).map((d) => d.id)}
              items={l.departments.map((d) => ({
                key: d.id,
                label: <span data-testid={`power-dept-${d.name}`}>{`${d.name}（${d.types.reduce((n, x) => n + x.items.length, 0)}）`}</span>,
                children: d.types.map((group) => (
                  <div key={group.type} className="services-list-group">
                    <Typography.Title level={5}>{typeLabel(t, group.type)}</Typography.Title>
                    <Table<Row>
                      size="small"
                      rowKey="code"
                      pagination={false}
                      scroll={{ x: 640 }}
                      dataSource={group.items}
                      columns={[
                        { title: t('services.guide.code'), dataIndex: 'code', width: 130 },
                        { title: t('services.catalog.name'), dataIndex: 'name', render: (name: string, row) => <Link to={`/services/${row.code}`}>{name}</Link> },
                        { title: t('services.guide.level'), dataIndex: 'level', width: 110, render: (v: string) => levelLabel(t, v) },
                        { title: t('services.guide.legalBasis'), dataIndex: 'legalBasis', ellipsis: true },
                      ]}
                    />
                  </div>
                )),
              }))}
            />
          </>
        )}
      </AsyncView>
    </ServicesShell>
  );
}
