import { Alert, Button, Form, Input, Select, Switch } from 'antd';
import { useMemo, useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApi } from '../hooks/useApi';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n } from '../i18n';
import { AttachmentUpload, uploadedIds, type Attachment } from '../workflow/AttachmentUpload';
import { fetchKinds, registerCall, writeAnonymous, writeLetter, type Written } from './api';

/** Who writes: a signed-in citizen, an anonymous visitor, or the centre taking a call. */
export type WriterMode = 'signedIn' | 'anonymous' | 'hotline';

interface Values {
  kind: string;
  department?: string;
  title: string;
  content: string;
  publicWish?: boolean;
  name?: string;
  phone?: string;
  files?: Attachment[];
}

const PHONE = /^1[3-9]\d{9}$/;

/**
 * 写信: kind (with its promised limit), the department for 部门信箱, title, content, 公开意愿,
 * and — by mode — attachments (signed in), name and phone (anonymous: phone required; calls:
 * both required).
 */
export function LetterForm({ mode, onWritten }: { mode: WriterMode; onWritten: (reply: Written) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const kinds = useApi(fetchKinds, []);
  const orgs = useOrgs();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const chosen = kinds.data?.find((k) => k.code === kind);
  const departments = useMemo(() => (orgs.data ?? []).filter((o) => o.kind === 'department').map((o) => ({ value: o.id, label: o.name })), [orgs.data]);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    const base = { kind: v.kind, title: v.title.trim(), content: v.content.trim(), publicWish: Boolean(v.publicWish), ...(v.department ? { department: v.department } : {}) };
    const phone = v.phone?.replace(/\s/g, '');
    try {
      let written: Written;
      if (mode === 'hotline') written = await registerCall({ ...base, name: v.name!.trim(), phone: phone! });
      else if (mode === 'anonymous') written = await writeAnonymous({ ...base, phone: phone!, ...(v.name?.trim() ? { name: v.name.trim() } : {}) });
      else {
        const attachments = uploadedIds(v.files);
        written = await writeLetter({ ...base, ...(phone ? { phone } : {}), ...(attachments.length > 0 ? { attachments } : {}) });
      }
      form.resetFields();
      setBusy(false);
      onWritten(written);
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" requiredMark={false} initialValues={{ publicWish: true }} onFinish={(v) => void onFinish(v)} onValuesChange={() => setProblem(undefined)} data-testid="letter-form">
      {mode === 'anonymous' && <Alert type="info" showIcon message={t('interaction.form.anonymousHint')} style={{ marginBottom: 16 }} data-testid="letter-anonymous-hint" />}
      {kinds.problem && <ProblemAlert problem={kinds.problem} onRetry={kinds.reload} />}
      <Form.Item name="kind" label={t('interaction.form.kind')} rules={[{ required: true, message: t('interaction.form.kindRequired') }]} extra={chosen && <span data-testid="letter-limit">{t('interaction.form.limit', { days: chosen.limitDays })}</span>}>
        <Select options={(kinds.data ?? []).filter((k) => k.active).map((k) => ({ value: k.code, label: k.name[lang] }))} loading={kinds.loading} data-testid="letter-kind" />
      </Form.Item>
      {kind === 'department' && (
        <Form.Item name="department" label={t('interaction.form.department')} rules={[{ required: true, message: t('interaction.form.departmentRequired') }]}>
          <Select showSearch optionFilterProp="label" options={departments} loading={orgs.loading} data-testid="letter-department" />
        </Form.Item>
      )}
      <Form.Item name="title" label={t('interaction.form.title')} rules={[{ required: true, whitespace: true, max: 60, message: t('interaction.form.titleRequired') }]}>
        <Input maxLength={60} placeholder={t('interaction.form.titlePlaceholder')} data-testid="letter-title" />
      </Form.Item>
      <Form.Item name="content" label={t('interaction.form.content')} rules={[{ required: true, whitespace: true, message: t('interaction.form.contentRequired') }]}>
        <Input.TextArea rows={6} maxLength={4000} showCount placeholder={t('interaction.form.contentPlaceholder')} data-testid="letter-content" />
      </Form.Item>
      {mode !== 'signedIn' && (
        <Form.Item name="name" label={mode === 'hotline' ? t('interaction.form.callerName') : t('interaction.form.name')} rules={mode === 'hotline' ? [{ required: true, whitespace: true, message: t('interaction.form.callerNameRequired') }] : []}>
          <Input maxLength={40} data-testid="letter-name" />
        </Form.Item>
      )}
      <Form.Item
        name="phone"
        label={mode === 'signedIn' ? t('interaction.form.phoneOptional') : t('interaction.form.phone')}
        rules={[{ required: mode !== 'signedIn', message: t('interaction.form.phoneRequired') }, { validator: async (_r, v?: string) => { if (v && !PHONE.test(v.replace(/\s/g, ''))) throw new Error(t('interaction.form.phoneRequired')); } }]}
      >
        <Input inputMode="tel" maxLength={20} data-testid="letter-phone" />
      </Form.Item>
      <Form.Item name="publicWish" label={t('interaction.form.publicWish')} valuePropName="checked" extra={t('interaction.form.publicWishHint')}>
        <Switch data-testid="letter-public" />
      </Form.Item>
      {mode === 'signedIn' && (
        <Form.Item name="files" label={t('interaction.form.attachments')}>
          <AttachmentUpload onProblem={setProblem} testId="letter-upload" />
        </Form.Item>
      )}
      {problem && (
        <div className="work-form-error" data-testid="letter-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="letter-submit">
        {t('interaction.form.submit')}
      </Button>
    </Form>
  );
}
