import { Button, Form, Input, Space } from 'antd';
import { useI18n } from '../../i18n';

/** 责任清单 of a power: duties per stage and the cases of accountability. */
export function DutiesField() {
  const { t } = useI18n();
  return (
    <>
      <Form.List name="duties">
        {(fields, { add, remove }) => (
          <div data-testid="editor-duties">
            {fields.map((field) => (
              <Space key={field.key} align="start" wrap className="services-step-row">
                <Form.Item name={[field.name, 'stage']}>
                  <Input placeholder={t('services.editor.dutyStage')} maxLength={20} style={{ width: 140 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'content']}>
                  <Input.TextArea placeholder={t('services.editor.dutyContent')} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} style={{ width: 420, maxWidth: '70vw' }} />
                </Form.Item>
                <Button type="link" danger onClick={() => remove(field.name)}>
                  {t('services.editor.remove')}
                </Button>
              </Space>
            ))}
            <Button onClick={() => add({ stage: '', content: '' })}>{t('services.editor.addDuty')}</Button>
          </div>
        )}
      </Form.List>
      <Form.Item name="accountability" label={t('services.editor.accountability')} style={{ marginTop: 12 }}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} />
      </Form.Item>
    </>
  );
}
