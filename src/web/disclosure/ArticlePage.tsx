import { Card, Descriptions, Space } from 'antd';
import { useParams } from 'react-router-dom';
import { AsyncView } from '../components/AsyncView';
import { ButtonLink } from '../components/ButtonLink';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { articleFileUrl, fetchPublicArticle } from './api';
import { DisclosureShell } from './DisclosureShell';

/** `/disclosure/articles/:id` (public): one published article with its attachments. */
export function ArticlePage() {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const article = useApi((signal) => fetchPublicArticle(id, signal), [id]);
  return (
    <DisclosureShell title={article.data?.title ?? t('disclosure.list.title')} testId="disclosure-article-page">
      <AsyncView state={article}>
        {(a) => (
          <Card>
            <Descriptions size="small" column={{ xs: 1, sm: 2 }} data-testid="disclosure-article-meta">
              <Descriptions.Item label={t('disclosure.article.org')}>{a.org}</Descriptions.Item>
              <Descriptions.Item label={t('disclosure.article.category')}>{a.category.name[lang]}</Descriptions.Item>
              {a.docNo && <Descriptions.Item label={t('disclosure.article.docNo')}>{a.docNo}</Descriptions.Item>}
              {a.publishedAt && <Descriptions.Item label={t('disclosure.article.publishedAt')}>{formatDateTime(a.publishedAt, lang)}</Descriptions.Item>}
            </Descriptions>
            <div className="disclosure-body" data-testid="disclosure-article-body">
              {a.body}
            </div>
            {a.files.length > 0 && (
              <p style={{ marginTop: 16 }}>
                <strong>{t('disclosure.article.files')}：</strong>
                <Space wrap>
                  {a.files.map((f) => (
                    <a key={f.fileId} href={articleFileUrl(a.id, f.fileId)} data-testid="disclosure-article-file">
                      {f.name}
                    </a>
                  ))}
                </Space>
              </p>
            )}
          </Card>
        )}
      </AsyncView>
      <ButtonLink to="/disclosure" style={{ marginTop: 16 }} data-testid="disclosure-back">
        ‹ {t('disclosure.article.back')}
      </ButtonLink>
    </DisclosureShell>
  );
}
