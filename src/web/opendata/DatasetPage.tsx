import { Alert, Button, Card, Descriptions, List, Space, Tag, Typography, message } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { problemOf } from '../api/problem';
import { problemText } from '../api/problemText';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { acceptAgreement, fetchDataset, type DatasetPage as Page } from './api';
import { OpenDataShell } from './OpenDataShell';
import { PreviewTable } from './PreviewTable';

const time = (ckan: string) => new Date(`${ckan.slice(0, 19)}Z`).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const extra = (p: Page, key: string) => p.dataset.extras.find((e) => e.key === key)?.value ?? '';

/** `/opendata/dataset/:name`: the dataset's facts, its resources with preview and download. */
export function DatasetPage() {
  const { name = '' } = useParams();
  const { t, lang } = useI18n();
  const page = useApi((signal) => fetchDataset(name, signal), [name]);
  const [open, setOpen] = useState<string | null>(null);
  const accept = async () => {
    try {
      await acceptAgreement(name);
      void message.success(t('opendata.dataset.accepted'));
      page.reload();
    } catch (error) {
      void message.error(problemText(problemOf(error), lang, t));
    }
  };
  return (
    <OpenDataShell title={page.data?.dataset.title ?? t('opendata.title')} testId="opendata-dataset-page" heading={false}>
      <Link to="/opendata" data-testid="opendata-back">‹ {t('opendata.dataset.back')}</Link>
      <AsyncView state={page}>
        {(p) => (
          <div className="opendata-dataset">
            <Typography.Title level={3} data-testid="dataset-title">{p.dataset.title}</Typography.Title>
            <Typography.Paragraph>{p.dataset.notes}</Typography.Paragraph>
            <Space wrap size={4}>
              {p.dataset.groups.map((g) => <Tag key={g.name} color="green">{g.title}</Tag>)}
              {p.dataset.tags.map((tag) => <Tag key={tag.name}>{tag.name}</Tag>)}
            </Space>
            <Descriptions size="small" column={{ xs: 1, md: 2 }} className="opendata-facts">
              <Descriptions.Item label={t('opendata.dataset.org')}>{p.dataset.organization?.title}</Descriptions.Item>
              <Descriptions.Item label={t('opendata.dataset.licence')}>{p.licence.title}</Descriptions.Item>
              <Descriptions.Item label={t('opendata.dataset.openType')}>{extra(p, 'open_type')}</Descriptions.Item>
              <Descriptions.Item label={t('opendata.dataset.cycle')}>{extra(p, 'update_cycle')}</Descriptions.Item>
              <Descriptions.Item label={t('opendata.dataset.updated')}>{time(p.dataset.metadata_modified)}</Descriptions.Item>
              <Descriptions.Item label={t('opendata.dataset.code')}>{extra(p, 'catalog_resource_code')}</Descriptions.Item>
            </Descriptions>
            <Typography.Text type="secondary" data-testid="dataset-usage">{t('opendata.dataset.usage', p.usage)}</Typography.Text>
            {!p.access.mayRead && (
              <Alert
                type="warning"
                showIcon
                className="opendata-alert"
                data-testid="dataset-conditional"
                message={t('opendata.dataset.conditional')}
                action={
                  p.access.signedIn ? (
                    <Button type="primary" onClick={() => void accept()} data-testid="dataset-accept">{t('opendata.dataset.accept')}</Button>
                  ) : (
                    <Link to={`/login?next=${encodeURIComponent(`/opendata/dataset/${name}`)}`}>{t('opendata.dataset.signIn')}</Link>
                  )
                }
              />
            )}
            <Card title={t('opendata.dataset.resources')} className="opendata-resources">
              <List
                dataSource={p.dataset.resources}
                renderItem={(r) => (
                  <List.Item key={r.id} data-testid="dataset-resource">
                    <div className="opendata-resource">
                      <div className="opendata-resource-head">
                        <List.Item.Meta title={<Space><Tag color="blue">{r.format}</Tag>{r.name}</Space>} description={r.datastore_active ? t('opendata.dataset.live') : r.size !== null ? `${(r.size / 1024).toFixed(1)} KB` : ''} />
                        {p.access.mayRead && (
                          <Space>
                            <Button type="link" onClick={() => setOpen(open === r.id ? null : r.id)} data-testid="resource-preview">{t('opendata.dataset.preview')}</Button>
                            <a href={`/api/v1/opendata/resources/${r.id}/download`} download data-testid="resource-download">{t('opendata.dataset.download')}</a>
                          </Space>
                        )}
                      </div>
                      {open === r.id && <div className="opendata-preview-box"><PreviewTable resourceId={r.id} /></div>}
                    </div>
                  </List.Item>
                )}
              />
            </Card>
          </div>
        )}
      </AsyncView>
    </OpenDataShell>
  );
}
