import { Button, Card, Descriptions, Space, Table, message } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { problemOf } from '../api/problem';
import { problemText } from '../api/problemText';
import { AsyncView } from '../components/AsyncView';
import { ButtonLink } from '../components/ButtonLink';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { ProcessPanel } from '../workflow/ProcessPanel';
import { fetchResource, fetchVocabulary, submitResource } from './api';
import { StatusTag } from './StatusTag';

/** `/work/catalog/:id`: the entry's metadata, submitting it for approval, and its review in the shared process panel. */
export function ResourceDetailPage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [round, setRound] = useState(0);
  const detail = useApi((signal) => Promise.all([fetchResource(id, signal), fetchVocabulary(signal)]), [id, round]);
  useDocumentTitle(detail.data?.[0].name ?? t('catalog.list.title'));
  const submit = async () => {
    try {
      await submitResource(id);
      void message.success(t('catalog.detail.submitted'));
      setRound((n) => n + 1);
    } catch (error) {
      void message.error(problemText(problemOf(error), lang, t));
    }
  };
  return (
    <div className="work-stack" data-testid="resource-detail-page">
      <div><ButtonLink to="/work/catalog">‹ {t('catalog.detail.back')}</ButtonLink></div>
      <AsyncView state={detail}>
        {([r, v]) => (
          <>
            <Card
              title={<Space>{r.name}<StatusTag status={r.status} /></Space>}
              extra={r.editable && (
                <Space>
                  <Button onClick={() => navigate(`/work/catalog/${r.id}/edit`)} data-testid="resource-edit">{t('catalog.detail.edit')}</Button>
                  {(r.status === 'draft' || r.status === 'returned') && <Button type="primary" onClick={() => void submit()} data-testid="resource-submit">{t('catalog.detail.submit')}</Button>}
                </Space>
              )}
            >
              <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
                <Descriptions.Item label={t('catalog.col.code')}>{r.code}</Descriptions.Item>
                <Descriptions.Item label={t('catalog.field.catalogKind')}>{v.catalogKinds?.[r.catalogKind]}（{r.classCode}）</Descriptions.Item>
                <Descriptions.Item label={t('catalog.field.provider')}>{r.provider.name}</Descriptions.Item>
                <Descriptions.Item label={t('catalog.field.format')}>{v.formats?.[r.format]}</Descriptions.Item>
                <Descriptions.Item label={t('catalog.field.abstract')} span={2}>{r.abstract}</Descriptions.Item>
                <Descriptions.Item label={t('catalog.field.shareType')}>{v.shareTypes?.[r.shareType]}{r.shareMethods.length > 0 && `（${r.shareMethods.map((m) => v.shareMethods?.[m]).join('、')}）`}</Descriptions.Item>
                <Descriptions.Item label={t('catalog.field.openType')}>{v.openTypes?.[r.openType]}</Descriptions.Item>
                {r.shareCondition && <Descriptions.Item label={t('catalog.field.shareCondition')} span={2}>{r.shareCondition}</Descriptions.Item>}
                {r.shareBasis && <Descriptions.Item label={t('catalog.field.shareBasis')} span={2}>{r.shareBasis}</Descriptions.Item>}
                {r.openCondition && <Descriptions.Item label={t('catalog.field.openCondition')} span={2}>{r.openCondition}</Descriptions.Item>}
                <Descriptions.Item label={t('catalog.field.updateCycle')}>{v.updateCycles?.[r.updateCycle]}</Descriptions.Item>
                <Descriptions.Item label={t('catalog.field.classification')}>{v.classifications?.[r.classification]}</Descriptions.Item>
                <Descriptions.Item label={t('catalog.detail.publishedOn')}>{r.publishedOn ?? '—'}</Descriptions.Item>
              </Descriptions>
              <Table
                style={{ marginTop: 16 }}
                size="small"
                rowKey="name"
                pagination={false}
                dataSource={r.items}
                columns={[
                  { key: 'name', title: t('catalog.field.itemName'), dataIndex: 'name' },
                  { key: 'type', title: t('catalog.field.itemType'), render: (_, i) => v.itemTypes?.[i.type] ?? i.type },
                  { key: 'length', title: t('catalog.field.itemLength'), render: (_, i) => i.length ?? '' },
                ]}
              />
            </Card>
            {r.instanceId && (
              <Card title={t('catalog.detail.review')}>
                <ProcessPanel key={`panel-${round}`} instanceId={r.instanceId} onDone={(notice) => { void message.success(notice); setRound((n) => n + 1); }} />
              </Card>
            )}
          </>
        )}
      </AsyncView>
    </div>
  );
}
