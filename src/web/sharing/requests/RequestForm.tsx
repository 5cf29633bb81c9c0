import { Alert, Button, Checkbox, DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import type { RequestInput, ShareableResource, SharingSystem } from '../api';
import { chinaToday } from './dates';

interface Values {
  resourceId?: string;
  systemId?: string;
  fields: string[];
  purpose: string;
  periodFrom: Dayjs;
  periodTo: Dayjs;
  legalBasis: string;
}

interface Props {
  resources: ShareableResource[];
  systems: SharingSystem[];
  initialResourceId: string | undefined;
  onSubmit: (input: RequestInput) => Promise<void>;
}

const FORM_FIELDS = new Set(['resourceId', 'systemId', 'fields', 'purpose', 'periodFrom', 'periodTo', 'legalBasis']);
const DAY = 'YYYY-MM-DD';

/** The form field a server error names (`/body/periodTo` → periodTo), if it is one of ours. */
const formField = (pointer: string): keyof Values | null => {
  const name = pointer.replace(/^\/body\/?/, '').split('/')[0] ?? '';
  return FORM_FIELDS.has(name) ? (name as keyof Values) : null;
};

/** 共享申请: a conditional resource, the system that will use it, the items (fewest needed), purpose, period and legal basis. */
export function RequestForm({ resources, systems, initialResourceId, onSubmit }: Props) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<Values>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const today = chinaToday();
  const resourceId = Form.useWatch('resourceId', form) ?? initialResourceId;
  const resource = resources.find((r) => r.id === resourceId);

  const submit = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await onSubmit({
        resourceId: v.resourceId ?? '',
        systemId: v.systemId ?? '',
        fields: v.fields,
        purpose: v.purpose.trim(),
        periodFrom: v.periodFrom.format(DAY),
        periodTo: v.periodTo.format(DAY),
        legalBasis: v.legalBasis.trim(),
      });
    } catch (error) {
      const p = problemOf(error);
      setProblem(p);
      const at = new Map<keyof Values, string[]>();
      for (const e of p.errors ?? []) {
        const name = formField(e.field);
        if (name) at.set(name, [...(at.get(name) ?? []), typeof e.message === 'string' ? e.message : e.message[lang]]);
      }
      form.setFields([...at].map(([name, errors]) => ({ name, errors })));
    } finally {
      setBusy(false);
    }
  };

  const initial: Partial<Values> = {
    resourceId: resources.some((r) => r.id === initialResourceId) ? initialResourceId : undefined,
    systemId: systems.length === 1 ? systems[0]!.id : undefined,
    fields: [],
    periodFrom: dayjs(today),
    periodTo: dayjs(today).add(1, 'year'),
  };

  return (
    <Form<Values> form={form} layout="vertical" initialValues={initial} onFinish={(v) => void submit(v)} data-testid="sharing-request-form" style={{ maxWidth: 760 }}>
      {problem && <div style={{ marginBottom: 16 }}><ProblemAlert problem={problem} /></div>}
      <Form.Item name="resourceId" label={t('sharing.form.resource')} rules={[{ required: true, message: t('sharing.form.resourceRequired') }]}>
        <Select
          showSearch
          optionFilterProp="label"
          options={resources.map((r) => ({ value: r.id, label: `${r.name}（${r.providerName}）` }))}
          onChange={() => form.setFieldsValue({ fields: [] })}
          data-testid="sharing-request-resource"
        />
      </Form.Item>
      {resource && (resource.shareCondition || resource.shareBasis) && (
        <Alert
          type="info"
          style={{ marginBottom: 16 }}
          message={t('sharing.form.condition')}
          description={[resource.shareCondition, resource.shareBasis].filter(Boolean).join(' ')}
        />
      )}
      <Form.Item name="systemId" label={t('sharing.form.system')} rules={[{ required: true, message: t('sharing.form.systemRequired') }]} extra={systems.length === 0 ? t('sharing.form.noSystems') : undefined}>
        <Select options={systems.map((s) => ({ value: s.id, label: s.name }))} data-testid="sharing-request-system" />
      </Form.Item>
      <Form.Item name="fields" label={t('sharing.form.fields')} extra={t('sharing.form.fieldsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('sharing.form.fieldsRequired') }]}>
        <Checkbox.Group data-testid="sharing-request-fields">
          <Space wrap>
            {(resource?.items ?? []).map((i) => <Checkbox key={i.name} value={i.name}>{i.name}</Checkbox>)}
          </Space>
        </Checkbox.Group>
      </Form.Item>
      <Form.Item name="purpose" label={t('sharing.form.purpose')} rules={[{ required: true, whitespace: true, min: 5, max: 1000, message: t('sharing.form.purposeRequired') }]}>
        <Input.TextArea rows={3} maxLength={1000} placeholder={t('sharing.form.purposePlaceholder')} data-testid="sharing-request-purpose" />
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="periodFrom" label={t('sharing.form.periodFrom')} rules={[{ required: true, message: t('sharing.form.periodRequired') }]}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format(DAY) < today} data-testid="sharing-request-from" />
        </Form.Item>
        <Form.Item name="periodTo" label={t('sharing.form.periodTo')} rules={[{ required: true, message: t('sharing.form.periodRequired') }]} extra={t('sharing.form.periodHint')}>
          <DatePicker allowClear={false} disabledDate={(d) => d.format(DAY) < today} data-testid="sharing-request-to" />
        </Form.Item>
      </Space>
      <Form.Item name="legalBasis" label={t('sharing.form.legalBasis')} rules={[{ required: true, whitespace: true, min: 2, max: 500, message: t('sharing.form.legalBasisRequired') }]}>
        <Input maxLength={500} placeholder={resource?.shareBasis || t('sharing.form.legalBasisPlaceholder')} data-testid="sharing-request-basis" />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('sharing.requests.hint')}</Typography.Paragraph>
      <Button type="primary" htmlType="submit" loading={busy} data-testid="sharing-request-submit">{t('sharing.form.submit')}</Button>
    </Form>
  );
}
