import { Form, Input, Modal, Select, Switch, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import type { CaseClass } from '../../api/cases';
import { problemOf, type Problem } from '../../api/problem';
import { ClassPicker } from '../../cases/ClassPicker';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { changeRule, createRule, fetchDevices, type DeviceType, type Rule } from '../api';
import { RULE_KINDS, SEVERITIES, severityLabel, type RuleKind } from '../labels';
import { RuleParamsFields } from './RuleParamsFields';
import { DEFAULT_PARAMS, formFieldOf, formValuesOf, newRuleBody, ruleChange, type RuleFormValues } from './ruleValues';

interface Props {
  open: boolean;
  /** the rule to edit; undefined: a new one */
  rule: Rule | undefined;
  types: DeviceType[];
  classes: CaseClass[];
  onClose: () => void;
  onSaved: (rule: Rule) => void;
}

/**
 * 新建/修改告警规则: for a device type (or one device of it) and a quantity, a kind with its
 * parameters, a severity and optionally a case class (an alarm then opens a city-management case).
 * The server's 422 is marked on the field at fault.
 */
export function RuleDialog({ open, rule, types, classes, onClose, onSaved }: Props) {
  const { lang, t } = useI18n();
  const [form] = Form.useForm<RuleFormValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  const typeCode = Form.useWatch('typeCode', form);
  const kind = (Form.useWatch('kind', form) ?? 'threshold') as RuleKind;
  const quantityKey = Form.useWatch('quantity', form);
  const type = types.find((ty) => ty.code === typeCode);
  const quantity = type?.quantities.find((q) => q.key === quantityKey);
  const devices = useApi((signal) => (typeCode ? fetchDevices({ typeCode, limit: 1000 }, signal) : Promise.resolve([])), [typeCode]);
  const editing = rule !== undefined;

  useEffect(() => {
    if (!open) return;
    setProblem(undefined);
    form.resetFields();
    form.setFieldsValue(rule ? formValuesOf(rule) : { kind: 'threshold', severity: 'major', notify: true, enabled: true, params: DEFAULT_PARAMS.threshold });
  }, [open, rule, form]);

  const submit = async () => {
    let values: RuleFormValues;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setProblem(undefined);
    try {
      onSaved(rule ? await changeRule(rule.id, ruleChange(values)) : await createRule(newRuleBody(values)));
    } catch (error) {
      const p = problemOf(error);
      setProblem(p);
      form.setFields(
        (p.errors ?? []).flatMap((e) => {
          const name = formFieldOf(e.field, values.kind);
          return name ? [{ name, errors: [typeof e.message === 'string' ? e.message : e.message[lang]] }] : [];
        }) as Parameters<typeof form.setFields>[0],
      );
    } finally {
      setBusy(false);
    }
  };

  const required = { required: true, message: t('iot.rule.required') };
  return (
    <Modal
      open={open}
      title={editing ? t('iot.rule.editTitle') : t('iot.rule.newTitle')}
      okText={t('iot.rule.save')}
      cancelText={t('iot.common.cancel')}
      okButtonProps={{ loading: busy, 'data-testid': 'rule-submit' } as ButtonProps}
      onOk={() => void submit()}
      onCancel={onClose}
      width={560}
      // rendered while closed too, so the form instance is always connected (it is reset on every opening)
      forceRender
    >
      <Form<RuleFormValues>
        form={form}
        layout="vertical"
        data-testid="rule-form"
        onValuesChange={(changed: Partial<RuleFormValues>) => {
          if (changed.kind) form.setFieldsValue({ params: DEFAULT_PARAMS[changed.kind] });
          if (changed.typeCode !== undefined) form.setFieldsValue({ quantity: undefined as unknown as string, deviceId: undefined });
        }}
      >
        <Form.Item name="name" label={t('iot.rule.name')} rules={[required, { max: 100 }]}>
          <Input maxLength={100} data-testid="rule-name" />
        </Form.Item>
        <Form.Item name="typeCode" label={t('iot.device.type')} rules={[required]}>
          <Select
            disabled={editing}
            options={types.map((ty) => ({ value: ty.code, label: `${lang === 'zh' ? ty.nameZh : ty.nameEn}（${ty.code}）` }))}
            data-testid="rule-type"
          />
        </Form.Item>
        <Form.Item name="deviceId" label={t('iot.rule.device')} extra={t('iot.rule.deviceHint')}>
          <Select
            disabled={editing || !typeCode}
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder={t('iot.rule.allDevices')}
            options={(devices.data ?? []).map((d) => ({ value: d.id, label: `${d.name}（${d.id}）` }))}
            data-testid="rule-device"
          />
        </Form.Item>
        <Form.Item name="quantity" label={t('iot.rule.quantity')} rules={[required]}>
          <Select
            disabled={editing || !type}
            options={(type?.quantities ?? []).map((q) => ({ value: q.key, label: `${q.name}${q.unit ? `（${q.unit}）` : ''}` }))}
            data-testid="rule-quantity"
          />
        </Form.Item>
        <Form.Item name="kind" label={t('iot.rule.kind')} rules={[required]}>
          <Select disabled={editing} options={RULE_KINDS.map((k) => ({ value: k, label: t(`iot.ruleKind.${k}`) }))} data-testid="rule-kind" />
        </Form.Item>
        <RuleParamsFields kind={kind} quantity={quantity} />
        <Form.Item name="severity" label={t('iot.alarm.severity')} rules={[required]}>
          <Select options={SEVERITIES.map((s) => ({ value: s, label: severityLabel(t, s) }))} data-testid="rule-severity" />
        </Form.Item>
        <Form.Item name="caseClassCode" label={t('iot.rule.caseClass')} extra={t('iot.rule.caseClassHint')}>
          <ClassPicker classes={classes} allowClear placeholder={t('iot.rule.noCase')} testId="rule-case-class" />
        </Form.Item>
        <Form.Item name="notify" label={t('iot.rule.notify')} valuePropName="checked" extra={t('iot.rule.notifyHint')}>
          <Switch data-testid="rule-notify" />
        </Form.Item>
        {!editing && (
          <Form.Item name="enabled" label={t('iot.rule.enabled')} valuePropName="checked">
            <Switch data-testid="rule-enabled" />
          </Form.Item>
        )}
      </Form>
      {problem && <ProblemAlert problem={problem} />}
    </Modal>
  );
}
