import { Col, Form, Input, InputNumber, Radio, Row, Select, Switch } from 'antd';
import { useI18n } from '../../i18n';
import { depthLabel } from '../labels';

const half = { xs: 24, md: 12 };

/** 办理要素: limits, instant or promised, fee, place and hours, phones, visits, online depth. */
export function HandlingFields() {
  const { t } = useI18n();
  const required = [{ required: true, whitespace: true, message: t('services.editor.required') }];
  return (
    <Row gutter={16}>
      <Col {...half}>
        <Form.Item name="statutoryDays" label={t('services.editor.statutoryDays')}>
          <InputNumber min={1} max={365} precision={0} style={{ width: '100%' }} data-testid="editor-statutory" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="promisedDays" label={t('services.editor.promisedDays')} rules={[{ required: true, message: t('services.editor.required') }]}>
          <InputNumber min={0} max={365} precision={0} style={{ width: '100%' }} data-testid="editor-promised" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="instant" label={t('services.editor.instant')} valuePropName="checked">
          <Switch data-testid="editor-instant" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="visits" label={t('services.editor.visits')}>
          <Radio.Group options={[0, 1].map((n) => ({ value: n, label: String(n) }))} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="feeYuan" label={t('services.editor.feeYuan')} rules={[{ required: true, message: t('services.editor.required') }]}>
          <InputNumber min={0} max={10_000_000} precision={2} style={{ width: '100%' }} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="feeBasis" label={t('services.editor.feeBasis')}>
          <Input maxLength={500} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="place" label={t('services.editor.place')} rules={required}>
          <Input maxLength={300} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="hours" label={t('services.editor.hours')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="enquiryPhone" label={t('services.editor.enquiryPhone')} rules={[...required, { pattern: /^[0-9][0-9-]{4,19}$/, message: '023-49800000' }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="complaintPhone" label={t('services.editor.complaintPhone')} rules={[...required, { pattern: /^[0-9][0-9-]{4,19}$/, message: '12345' }]}>
          <Input maxLength={20} inputMode="tel" />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="onlineDepth" label={t('services.editor.onlineDepth')}>
          <Select options={[1, 2, 3, 4].map((n) => ({ value: n, label: depthLabel(t, n) }))} />
        </Form.Item>
      </Col>
      <Col {...half}>
        <Form.Item name="online" label={t('services.editor.online')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Col>
    </Row>
  );
}
