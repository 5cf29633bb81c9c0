import { Alert, Button, Card, Form, Input, Select, Space, message } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { problemOf, type Problem } from '../api/problem';
import type { UploadedFile } from '../api/workflow';
import { AsyncView } from '../components/AsyncView';
import { ButtonLink } from '../components/ButtonLink';
import { NotFound } from '../components/NotFound';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { AttachmentUpload, uploadedIds, type Attachment } from '../workflow/AttachmentUpload';
import { ProcessPanel } from '../workflow/ProcessPanel';
import { useDisclosureAccess } from './access';
import { createArticle, fetchVocabulary, fetchWorkArticle, submitArticle, updateArticle, type ArticleDetail } from './api';
import { ArticleStatus } from './labels';
import { WithdrawCard } from './WithdrawCard';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Values {
  category: string;
  title: string;
  docNo?: string;
  body: string;
  files?: Attachment[];
}

/** `/work/disclosure/articles/new|:id`: write or edit a draft and submit it; its approval panel; withdrawal once published. */
export function ArticleEditorPage() {
  const { id = '' } = useParams();
  if (id === 'new') return <Editor key="new" />;
  return UUID.test(id) ? <Existing key={id} id={id} /> : <NotFound />;
}

function Existing({ id }: { id: string }) {
  const article = useApi((signal) => fetchWorkArticle(id, signal), [id]);
  return <AsyncView state={article}>{(a) => <Editor article={a} reload={article.reload} />}</AsyncView>;
}

const asAttachments = (a?: ArticleDetail): Attachment[] =>
  (a?.files ?? []).map((f) => ({ uid: f.fileId, name: f.name, status: 'done', response: { id: f.fileId, name: f.name, size: f.size, mediaType: f.mediaType, sm3: '' } as UploadedFile }));

function Editor({ article, reload }: { article?: ArticleDetail; reload?: () => void }) {
  const { t, lang } = useI18n();
  useDocumentTitle(article ? t('disclosure.editor.editTitle') : t('disclosure.editor.newTitle'));
  const access = useDisclosureAccess();
  const navigate = useNavigate();
  const vocab = useApi(fetchVocabulary, []);
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const editable = access.write && (!article || article.status === 'draft');

  const save = async (v: Values): Promise<string> => {
    const body = { category: v.category, title: v.title.trim(), docNo: v.docNo?.trim() || null, body: v.body.trim(), attachments: uploadedIds(v.files) };
    if (article) {
      await updateArticle(article.id, body);
      return article.id;
    }
    return (await createArticle(body)).id;
  };
  const run = async (submit: boolean) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const id = await save(v);
      if (submit) await submitArticle(id);
      void message.success(t(submit ? 'disclosure.editor.submitted' : 'disclosure.editor.saved'));
      if (article) reload?.();
      else navigate(`/work/disclosure/articles/${id}`, { replace: true });
    } catch (error) {
      setProblem(problemOf(error));
    }
    setBusy(false);
  };

  return (
    <div className="work-stack" data-testid="article-editor-page">
      <div>
        <ButtonLink to="/work/disclosure">‹ {t('disclosure.work.title')}</ButtonLink>
      </div>
      <Card
        title={article ? t('disclosure.editor.editTitle') : t('disclosure.editor.newTitle')}
        extra={article && (
          <Space>
            <ArticleStatus status={article.status} testId="article-status" />
            {article.status === 'published' && <ButtonLink type="link" to={`/disclosure/articles/${article.id}`} data-testid="article-public-link">{t('disclosure.editor.view')}</ButtonLink>}
          </Space>
        )}
      >
        {article?.reviewNote && article.status === 'draft' && <Alert type="warning" showIcon message={t('disclosure.editor.reviewNote', { note: article.reviewNote })} style={{ marginBottom: 16 }} data-testid="article-review-note" />}
        {article?.status === 'withdrawn' && <Alert type="error" showIcon message={t('disclosure.withdraw.info', { at: formatDateTime(article.withdrawnAt ?? '', lang), reason: article.withdrawReason ?? '' })} style={{ marginBottom: 16 }} />}
        {!editable && article && <Alert type="info" message={t('disclosure.editor.readonly')} style={{ marginBottom: 16 }} />}
        <Form<Values> form={form} layout="vertical" requiredMark={false} disabled={!editable} initialValues={{ category: article?.category.code, title: article?.title, docNo: article?.docNo ?? undefined, body: article?.body, files: asAttachments(article) }} onValuesChange={() => setProblem(undefined)} data-testid="article-form">
          <Form.Item name="category" label={t('disclosure.editor.category')} rules={[{ required: true, message: t('disclosure.editor.categoryRequired') }]}>
            <Select options={(vocab.data?.categories ?? []).map((c) => ({ value: c.code, label: c[lang] }))} data-testid="article-category" />
          </Form.Item>
          <Form.Item name="title" label={t('disclosure.editor.title')} rules={[{ required: true, whitespace: true, message: t('disclosure.editor.titleRequired') }]}>
            <Input maxLength={120} data-testid="article-title" />
          </Form.Item>
          <Form.Item name="docNo" label={t('disclosure.editor.docNo')}>
            <Input maxLength={60} data-testid="article-doc-no" />
          </Form.Item>
          <Form.Item name="body" label={t('disclosure.editor.body')} rules={[{ required: true, whitespace: true, message: t('disclosure.editor.bodyRequired') }]}>
            <Input.TextArea rows={12} maxLength={100_000} data-testid="article-body" />
          </Form.Item>
          <Form.Item name="files" label={t('disclosure.editor.files')}>
            <AttachmentUpload onProblem={setProblem} testId="article-upload" />
          </Form.Item>
        </Form>
        {problem && <ProblemAlert problem={problem} />}
        {editable && (
          <Space>
            <Button loading={busy} onClick={() => void run(false)} data-testid="article-save">
              {t('disclosure.editor.save')}
            </Button>
            <Button type="primary" loading={busy} onClick={() => void run(true)} data-testid="article-submit">
              {t('disclosure.editor.submit')}
            </Button>
          </Space>
        )}
      </Card>
      {article?.status === 'published' && access.approve && <WithdrawCard id={article.id} onDone={() => reload?.()} />}
      {article?.status === 'reviewing' && article.instanceId && <ProcessPanel instanceId={article.instanceId} onDone={(notice) => { void message.success(notice); reload?.(); }} />}
    </div>
  );
}
