import { Button, Card, Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useI18n } from '../../i18n';
import { formLabel } from '../labels';
import { SampleField } from './SampleField';

const third = { xs: 24, md: 8 };

/** 申请材料: each with required, copies, form, note, sample, and what makes it 免提交 (shared data, e-certificate). */
export function MaterialsField() {
  const { t } = useI18n();
  return (
    <Form.List name="materials">
      {(fields, { add, remove }) => (
        <div data-testid="editor-materials" data-count={fields.length}>
          {fields.map((field, i) => (
            <Card
              key={field.key}
              size="small"
              className="services-card"
              title={`${i + 1}.`}
              extra={
                <Button type="link" danger onClick={() => remove(field.name)}>
                  {t('services.editor.remove')}
                </Button>
              }
            >
              <Form.Item name={[field.name, 'name']} label={t('services.editor.materialName')} rules={[{ required: true, whitespace: true, message: t('services.editor.required') }]}>
                <Input maxLength={200} data-testid={`editor-material-name-${i}`} />
              </Form.Item>
              <Row gutter={12}>
                <Col {...third}>
                  <Form.Item name={[field.name, 'required']} label={t('services.material.required')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                </Col>
                <Col {...third}>
                  <Form.Item name={[field.name, 'copies']} label={t('services.editor.copies')}>
                    <InputNumber min={0} max={20} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col {...third}>
                  <Form.Item name={[field.name, 'form']} label={t('services.editor.form')}>
                    <Select options={['paper', 'electronic', 'either'].map((v) => ({ value: v, label: formLabel(t, v) }))} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={[field.name, 'note']} label={t('services.editor.note')}>
                <Input maxLength={500} />
              </Form.Item>
              <Row gutter={12}>
                <Col {...third}>
                  <Form.Item name={[field.name, 'sharedSource']} label={t('services.editor.sharedSource')}>
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col {...third}>
                  <Form.Item name={[field.name, 'certTypeCode']} label={t('services.editor.certTypeCode')}>
                    <Input maxLength={21} />
                  </Form.Item>
                </Col>
                <Col {...third}>
                  <Form.Item name={[field.name, 'certName']} label={t('services.editor.certName')}>
                    <Input maxLength={60} />
                  </Form.Item>
                </Col>
              </Row>
              <Form.Item name={[field.name, 'sampleFileId']} label={t('services.material.sample')}>
                <SampleField />
              </Form.Item>
            </Card>
          ))}
          <Button onClick={() => add({ name: '', required: true, copies: 1, form: 'either', note: '', sampleFileId: null, sharedSource: null, certTypeCode: null, certName: null })} data-testid="editor-add-material">
            {t('services.editor.addMaterial')}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
