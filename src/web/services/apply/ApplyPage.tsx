import { Alert, Button, Card, Form, Result, message } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useParams, useSearchParams } from 'react-router-dom';
import { problemOf, type Problem } from '../../api/problem';
import { fetchGuide, type GuideReply } from '../../api/services';
import { AsyncView } from '../../components/AsyncView';
import { ButtonLink } from '../../components/ButtonLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { createDraft, fetchApplication, newIdempotencyKey, saveDraft, submitDraft, type Application } from '../applications/api';
import { ApplyShell } from '../applications/ApplyShell';
import { FormFields } from './FormFields';
import { freeHint } from './materialHints';
import { MaterialUploads, type UploadedFile } from './MaterialUploads';

/** `/services/apply/{code}` (signed in): the item's form, material uploads, 暂存 and 提交; `?draft=` continues a draft. */
export function ApplyPage() {
  const { t } = useI18n();
  const { code = '' } = useParams();
  const [search] = useSearchParams();
  const draftId = search.get('draft');
  const guide = useApi((signal) => fetchGuide(code, signal), [code]);
  const draft = useApi((signal) => (draftId ? fetchApplication(draftId, signal) : Promise.resolve(null)), [draftId]);
  return (
    <ApplyShell title={guide.data ? t('apply.title', { name: guide.data.name }) : t('apply.titlePlain')} testId="apply-page" signedIn nav={false}>
      <ButtonLink to={`/services/${code}`} type="link" className="services-back">
        {t('apply.backToGuide')}
      </ButtonLink>
      <AsyncView state={guide}>{(g) => <AsyncView state={draft}>{(d) => <ApplyForm key={d?.id ?? 'new'} guide={g} draft={d} />}</AsyncView>}</AsyncView>
    </ApplyShell>
  );
}

function ApplyForm({ guide, draft }: { guide: GuideReply; draft: Application | null }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ answers: Record<string, string> }>();
  const [files, setFiles] = useState<UploadedFile[]>(() => (draft ? draft.materials.flatMap((m) => m.files.map((f) => ({ seq: m.seq, fileId: f.fileId, name: f.name }))) : []));
  const [id, setId] = useState<string | null>(draft?.id ?? null);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const [done, setDone] = useState<Application | null>(draft && draft.status !== 'draft' ? draft : null);
  // one key per page: a retried submit (double click, lost reply) is the same application
  const key = useRef(newIdempotencyKey());
  useEffect(() => {
    if (draft) form.setFieldsValue({ answers: draft.answers });
  }, [draft, form]);

  if (!guide.online) return <Result status="info" title={t('apply.notOnline')} data-testid="apply-not-online" />;
  if (done) {
    return (
      <Result
        status="success"
        data-testid="apply-done"
        title={t('apply.done.title')}
        subTitle={
          <>
            {t('apply.done.no')} <strong data-testid="apply-done-no">{done.businessNo}</strong>
          </>
        }
        extra={
          <ButtonLink to={`/services/applications/${done.id}`} type="primary" data-testid="apply-done-open">
            {t('apply.done.open')}
          </ButtonLink>
        }
      />
    );
  }

  const body = () => ({ answers: Object.fromEntries(Object.entries(form.getFieldValue('answers') ?? {}).filter(([, v]) => typeof v === 'string' && v.trim() !== '')) as Record<string, string>, materials: files.map(({ seq, fileId }) => ({ seq, fileId })) });
  const save = async (): Promise<string> => {
    if (id) {
      await saveDraft(id, body());
      return id;
    }
    const created = await createDraft(guide.code, body());
    setId(created.id);
    window.history.replaceState(null, '', `?draft=${created.id}`);
    return created.id;
  };
  const run = async (what: 'save' | 'submit') => {
    setProblem(undefined);
    if (what === 'submit') {
      try {
        await form.validateFields();
      } catch {
        return;
      }
    }
    setBusy(what);
    try {
      const saved = await save();
      if (what === 'save') void message.success(t('apply.saved'));
      else setDone(await submitDraft(saved, key.current));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(null);
    }
  };
  const hasForm = guide.formFields.length > 0;
  return (
    <Form form={form} layout="vertical" data-testid="apply-form" onFinish={() => void run('submit')}>
      {hasForm && (
        <Card title={t('apply.form.title')}>
          <FormFields fields={guide.formFields} />
        </Card>
      )}
      <Card title={t('apply.materials.title')} style={{ marginTop: 16 }}>
        <Alert type="info" showIcon message={t('apply.materials.hint')} style={{ marginBottom: 12 }} />
        <MaterialUploads materials={guide.materials.map((m) => ({ name: m.name, required: m.required, free: freeHint(t, m, hasForm) }))} value={files} onChange={setFiles} />
      </Card>
      {problem && (
        <div style={{ marginTop: 16 }} data-testid="apply-problem">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <div className="apply-actions">
        <Button size="large" loading={busy === 'save'} disabled={busy !== null} onClick={() => void run('save')} data-testid="apply-save">
          {t('apply.save')}
        </Button>
        <Button size="large" type="primary" htmlType="submit" loading={busy === 'submit'} disabled={busy !== null} data-testid="apply-submit">
          {t('apply.submit')}
        </Button>
      </div>
    </Form>
  );
}
