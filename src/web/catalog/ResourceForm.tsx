import { Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { useI18n } from '../i18n';
import type { ResourceInput, Vocabulary } from './api';

interface Props {
  initial: ResourceInput;
  vocab: Vocabulary;
  providers: Array<{ id: string; name: string }>;
  onSave: (input: ResourceInput) => Promise<void>;
}

const opts = (record: Record<string, string> | undefined) => Object.entries(record ?? {}).map(([value, label]) => ({ value, label }));

/** The core metadata of a resource (编制指南); the server checks the rules and names the fields at fault. */
export function ResourceForm({ initial, vocab, providers, onSave }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<ResourceInput>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const shareType = Form.useWatch('shareType', form) ?? initial.shareType;
  const openType = Form.useWatch('openType', form) ?? initial.openType;
  const save = async (values: ResourceInput) => {
    setBusy(true);
    setProblem(null);
    try {
      await onSave({ ...initial, ...values, items: (values.items ?? []).map((i) => ({ ...i, ...(i.length ? {} : { length: undefined }) })), relatedCodes: initial.relatedCodes });
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form form={form} layout="vertical" initialValues={initial} onFinish={(v) => void save(v)} data-testid="resource-form">
      {problem && <ProblemAlert problem={problem} />}
      <Form.Item name="name" label={t('catalog.field.name')} rules={[{ required: true, min: 2 }]}><Input data-testid="field-name" /></Form.Item>
      <Space wrap>
        <Form.Item name="catalogKind" label={t('catalog.field.catalogKind')}><Select style={{ width: 180 }} options={opts(vocab.catalogKinds)} /></Form.Item>
        <Form.Item name="classCode" label={t('catalog.field.classCode')} rules={[{ required: true, pattern: /^[1-3][0-9]{2}([0-9]{3}([0-9]{1,3})?)?$/ }]}><Input style={{ width: 160 }} data-testid="field-classCode" /></Form.Item>
        <Form.Item name="providerOrgId" label={t('catalog.field.provider')}><Select style={{ width: 200 }} options={providers.map((p) => ({ value: p.id, label: p.name }))} /></Form.Item>
        <Form.Item name="format" label={t('catalog.field.format')}><Select style={{ width: 140 }} options={opts(vocab.formats)} /></Form.Item>
        <Form.Item name="updateCycle" label={t('catalog.field.updateCycle')}><Select style={{ width: 120 }} options={opts(vocab.updateCycles)} /></Form.Item>
        <Form.Item name="classification" label={t('catalog.field.classification')}><Select style={{ width: 120 }} options={opts(vocab.classifications)} data-testid="field-classification" /></Form.Item>
      </Space>
      <Form.Item name="abstract" label={t('catalog.field.abstract')} rules={[{ required: true, min: 2 }]}><Input.TextArea rows={3} data-testid="field-abstract" /></Form.Item>
      <Form.Item label={t('catalog.field.items')} required>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap>
                  <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}><Input placeholder={t('catalog.field.itemName')} /></Form.Item>
                  <Form.Item name={[f.name, 'type']}><Select style={{ width: 130 }} options={opts(vocab.itemTypes)} /></Form.Item>
                  <Form.Item name={[f.name, 'length']}><InputNumber min={1} placeholder={t('catalog.field.itemLength')} /></Form.Item>
                  <Button type="link" danger onClick={() => remove(f.name)}>×</Button>
                </Space>
              ))}
              <Button onClick={() => add({ name: '', type: 'string', length: 50 })} data-testid="add-item">{t('catalog.field.addItem')}</Button>
            </>
          )}
        </Form.List>
      </Form.Item>
      <Space wrap align="start">
        <Form.Item name="shareType" label={t('catalog.field.shareType')}><Select style={{ width: 150 }} options={opts(vocab.shareTypes)} /></Form.Item>
        <Form.Item name="shareMethods" label={t('catalog.field.shareMethods')}><Select mode="multiple" style={{ width: 240 }} options={opts(vocab.shareMethods)} /></Form.Item>
        <Form.Item name="openType" label={t('catalog.field.openType')}><Select style={{ width: 150 }} options={opts(vocab.openTypes)} /></Form.Item>
      </Space>
      {shareType === 'conditional' && <Form.Item name="shareCondition" label={t('catalog.field.shareCondition')}><Input.TextArea rows={2} /></Form.Item>}
      {shareType !== 'unconditional' && <Form.Item name="shareBasis" label={t('catalog.field.shareBasis')}><Input.TextArea rows={2} /></Form.Item>}
      {openType === 'conditional' && <Form.Item name="openCondition" label={t('catalog.field.openCondition')}><Input.TextArea rows={2} /></Form.Item>}
      <Button type="primary" htmlType="submit" loading={busy} data-testid="resource-save">{t('catalog.form.save')}</Button>
    </Form>
  );
}
