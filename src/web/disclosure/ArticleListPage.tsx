import { Card, Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router-dom';
import { ButtonLink } from '../components/ButtonLink';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { useDisclosureAccess } from './access';
import { fetchWorkArticles, type WorkArticle } from './api';
import { ArticleStatus } from './labels';

/** `/work/disclosure`: the articles of my organisations (drafts, awaiting approval, published, withdrawn). */
export function ArticleListPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(t('disclosure.work.title'));
  const access = useDisclosureAccess();
  const list = useApi(fetchWorkArticles, []);
  const columns: TableColumnsType<WorkArticle> = [
    { title: t('disclosure.editor.title'), dataIndex: 'title', render: (_, a) => <Link to={`/work/disclosure/articles/${a.id}`} data-testid={`article-link-${a.id}`}>{a.title}</Link> },
    { title: t('disclosure.article.category'), dataIndex: 'category', width: 120, render: (_, a) => a.category.name[lang] },
    { title: t('disclosure.article.org'), dataIndex: 'org', width: 150 },
    { title: t('interaction.status'), dataIndex: 'status', width: 110, render: (_, a) => <ArticleStatus status={a.status} testId={`article-status-${a.id}`} /> },
    { title: t('disclosure.work.updatedAt'), dataIndex: 'updatedAt', width: 170, render: (v: string) => formatDateTime(v, lang) },
  ];
  return (
    <Card title={t('disclosure.work.title')} extra={access.write && <ButtonLink type="primary" to="/work/disclosure/articles/new" data-testid="article-new">{t('disclosure.work.new')}</ButtonLink>} data-testid="article-list-page" data-loading={list.loading ? 'true' : 'false'}>
      {list.problem && <ProblemAlert problem={list.problem} onRetry={list.reload} />}
      <Table<WorkArticle>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.data ?? []}
        loading={list.loading}
        scroll={{ x: 760 }}
        locale={{ emptyText: t('disclosure.work.empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(a) => ({ 'data-testid': `article-row-${a.title}` }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
