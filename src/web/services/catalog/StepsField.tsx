import { Button, Form, Input, InputNumber, Space } from 'antd';
import { useI18n } from '../../i18n';

/** 办理流程: steps in order, each with its own limit in working days (empty: none of its own). */
export function StepsField() {
  const { t } = useI18n();
  return (
    <Form.List name="steps">
      {(fields, { add, remove }) => (
        <div data-testid="editor-steps">
          {fields.map((field, i) => (
            <Space key={field.key} align="start" wrap className="services-step-row">
              <span>{i + 1}.</span>
              <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, message: t('services.editor.required') }]}>
                <Input placeholder={t('services.editor.stepName')} maxLength={30} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'days']}>
                <InputNumber placeholder={t('services.editor.stepDays')} min={0} max={365} precision={0} style={{ width: 130 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'description']}>
                <Input placeholder={t('services.editor.stepDescription')} maxLength={500} style={{ width: 280 }} />
              </Form.Item>
              <Button type="link" danger onClick={() => remove(field.name)}>
                {t('services.editor.remove')}
              </Button>
            </Space>
          ))}
          <Button onClick={() => add({ name: '', days: null, description: '' })}>{t('services.editor.addStep')}</Button>
        </div>
      )}
    </Form.List>
  );
}
