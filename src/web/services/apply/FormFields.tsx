import { Form, Input, Select } from 'antd';
import type { Rule } from 'antd/es/form';
import { validateCreditCode, validateIdNumber, validateMobilePhone } from '../../../shared/validators';
import { useI18n } from '../../i18n';
import type { FormField } from '../applications/api';

/** A field's own check, the same as the server's (the server checks again). */
function typeRule(field: FormField, message: string): Rule | null {
  const check = (ok: (v: string) => boolean): Rule => ({ validator: async (_r, v: string | undefined) => (!v?.trim() || ok(v.trim()) ? undefined : Promise.reject(new Error(message))) });
  switch (field.type) {
    case 'idNumber':
      return check((v) => validateIdNumber(v).ok);
    case 'creditCode':
      return check((v) => validateCreditCode(v).ok);
    case 'phone':
      return check((v) => validateMobilePhone(v).ok || /^0\d{2,3}-?\d{7,8}$/.test(v));
    case 'number':
      return check((v) => /^-?\d+(\.\d+)?$/.test(v));
    default:
      return null;
  }
}

/** 申请表: one input per field of the item's form (answers under `answers.<key>`), phone-friendly input types. */
export function FormFields({ fields }: { fields: FormField[] }) {
  const { t, lang } = useI18n();
  return (
    <>
      {fields.map((f) => {
        const label = f.label[lang];
        const rules: Rule[] = [];
        if (f.required) rules.push({ required: true, whitespace: true, message: t('apply.form.required', { field: label }) });
        const own = typeRule(f, t(`apply.form.bad.${f.type}` as 'apply.form.bad.idNumber', { field: label }));
        if (own) rules.push(own);
        const testId = `apply-field-${f.key}`;
        let input;
        if (f.type === 'select') input = <Select data-testid={testId} options={(f.options ?? []).map((o) => ({ value: o.zh, label: o[lang] }))} />;
        else if (f.type === 'textarea') input = <Input.TextArea data-testid={testId} rows={3} maxLength={f.maxLength ?? 2000} />;
        else if (f.type === 'date') input = <Input data-testid={testId} type="date" />;
        else input = <Input data-testid={testId} inputMode={f.type === 'number' ? 'decimal' : f.type === 'phone' ? 'tel' : undefined} maxLength={f.maxLength ?? 200} />;
        return (
          <Form.Item key={f.key} name={['answers', f.key]} label={label} rules={rules}>
            {input}
          </Form.Item>
        );
      })}
    </>
  );
}
