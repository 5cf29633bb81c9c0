import { Button, Card, Form, Input, Result, Select } from 'antd';
import { useRef, useState } from 'react';
import { problemOf, type Problem } from '../../api/problem';
import { fetchGuide, type GuideReply } from '../../api/services';
import { ButtonLink } from '../../components/ButtonLink';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { validateCreditCode, validateIdNumber, validateMobilePhone } from '../../../shared/validators';
import { newIdempotencyKey, submitCounter, type Application } from '../../services/applications/api';
import { FormFields } from '../../services/apply/FormFields';
import { freeHint } from '../../services/apply/materialHints';
import { MaterialUploads, type UploadedFile } from '../../services/apply/MaterialUploads';

interface Values {
  kind: 'person' | 'legal';
  name: string;
  id: string;
  phone?: string;
  answers?: Record<string, string>;
}

/** 窗口代录: a clerk takes the application of someone who came in person, for any item of any department (一窗受理). */
export function CounterForm() {
  const { t } = useI18n();
  const [form] = Form.useForm<Values>();
  const [code, setCode] = useState('');
  const [guide, setGuide] = useState<GuideReply>();
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Application>();
  const key = useRef(newIdempotencyKey());

  const load = async () => {
    setProblem(undefined);
    try {
      setGuide(await fetchGuide(code.trim()));
      setFiles([]);
    } catch (error) {
      setProblem(problemOf(error));
    }
  };
  const submit = async (v: Values) => {
    if (!guide) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const answers = Object.fromEntries(Object.entries(v.answers ?? {}).filter(([, x]) => typeof x === 'string' && x.trim() !== '')) as Record<string, string>;
      setDone(await submitCounter({ itemCode: guide.code, applicant: { kind: v.kind, name: v.name, id: v.id.trim(), ...(v.phone ? { phone: v.phone } : {}) }, answers, materials: files.map(({ seq, fileId }) => ({ seq, fileId })) }, key.current));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  if (done) {
    return (
      <Result
        status="success"
        data-testid="counter-done"
        title={t('apply.done.title')}
        subTitle={<strong data-testid="counter-done-no">{done.businessNo}</strong>}
        extra={[
          <ButtonLink key="open" type="primary" to={`/work/applications/${done.id}`} data-testid="counter-open">
            {t('apply.work.openToAccept')}
          </ButtonLink>,
          <Button key="again" onClick={() => { key.current = newIdempotencyKey(); setDone(undefined); setGuide(undefined); form.resetFields(); }}>
            {t('apply.work.another')}
          </Button>,
        ]}
      />
    );
  }
  const idRule = { validator: async (_r: unknown, v: string | undefined) => {
    if (!v) return;
    const ok = form.getFieldValue('kind') === 'legal' ? validateCreditCode(v.trim()).ok : validateIdNumber(v.trim()).ok;
    if (!ok) throw new Error(t('apply.work.badId'));
  } };
  return (
    <Card data-testid="counter-form">
      <div className="apply-actions" style={{ marginTop: 0, marginBottom: 16 }}>
        <Input value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('apply.work.itemCode')} data-testid="counter-item" style={{ flex: '2 1 200px' }} />
        <Button onClick={() => void load()} data-testid="counter-load">
          {t('apply.work.loadItem')}
        </Button>
      </div>
      {problem && <ProblemAlert problem={problem} />}
      {guide && (
        <Form form={form} layout="vertical" initialValues={{ kind: 'person' }} onFinish={(v) => void submit(v)}>
          <h3 data-testid="counter-item-name">{guide.name}</h3>
          <Form.Item name="kind" label={t('apply.work.kind')}>
            <Select options={[{ value: 'person', label: t('apply.work.person') }, { value: 'legal', label: t('apply.work.legal') }]} />
          </Form.Item>
          <Form.Item name="name" label={t('apply.work.name')} rules={[{ required: true, whitespace: true }]}>
            <Input data-testid="counter-name" />
          </Form.Item>
          <Form.Item name="id" label={t('apply.work.id')} rules={[{ required: true }, idRule]}>
            <Input data-testid="counter-id" />
          </Form.Item>
          <Form.Item name="phone" label={t('apply.work.phone')} rules={[{ validator: async (_r, v: string | undefined) => { if (v && !validateMobilePhone(v).ok) throw new Error(t('apply.form.bad.phone', { field: t('apply.work.phone') })); } }]}>
            <Input inputMode="tel" data-testid="counter-phone" />
          </Form.Item>
          <FormFields fields={guide.formFields} />
          <MaterialUploads materials={guide.materials.map((m) => ({ name: m.name, required: m.required, free: freeHint(t, m, guide.formFields.length > 0) }))} value={files} onChange={setFiles} />
          <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="counter-submit">
            {t('apply.work.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
