import { Form, InputNumber, Radio } from 'antd';
import { useI18n } from '../../i18n';
import type { Quantity } from '../api';
import type { RuleKind } from '../labels';

/** The parameters of one rule kind, in the quantity's unit; the range is shown, and checked by the server. */
export function RuleParamsFields({ kind, quantity }: { kind: RuleKind; quantity: Quantity | undefined }) {
  const { t } = useI18n();
  const unit = quantity?.unit || undefined;
  const required = { required: true, message: t('iot.rule.required') };
  switch (kind) {
    case 'threshold':
      return (
        <>
          <Form.Item name={['params', 'op']} label={t('iot.rule.op')} rules={[required]}>
            <Radio.Group data-testid="rule-op">
              <Radio.Button value="above">{t('iot.rule.above')}</Radio.Button>
              <Radio.Button value="below">{t('iot.rule.below')}</Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name={['params', 'value']}
            label={t('iot.rule.value')}
            rules={[required]}
            extra={quantity ? t('iot.rule.range', { min: quantity.min, max: quantity.max, unit: quantity.unit }) : undefined}
          >
            <InputNumber addonAfter={unit} style={{ width: '100%' }} data-testid="rule-value" />
          </Form.Item>
          <Form.Item name={['params', 'forMinutes']} label={t('iot.rule.forMinutes')} rules={[required]} extra={t('iot.rule.forMinutesHint')}>
            <InputNumber min={0} max={1440} addonAfter={t('iot.rule.minutes')} style={{ width: '100%' }} data-testid="rule-for-minutes" />
          </Form.Item>
        </>
      );
    case 'rate':
      return (
        <Form.Item name={['params', 'perMinute']} label={t('iot.rule.perMinute')} rules={[required]} extra={t('iot.rule.perMinuteHint')}>
          <InputNumber min={0} addonAfter={unit ? `${unit}/${t('iot.rule.minute')}` : `/${t('iot.rule.minute')}`} style={{ width: '100%' }} data-testid="rule-per-minute" />
        </Form.Item>
      );
    case 'missing':
      return (
        <Form.Item name={['params', 'forMinutes']} label={t('iot.rule.missingMinutes')} rules={[required]}>
          <InputNumber min={1} max={10080} addonAfter={t('iot.rule.minutes')} style={{ width: '100%' }} data-testid="rule-missing-minutes" />
        </Form.Item>
      );
    case 'anomaly':
      return (
        <>
          <Form.Item name={['params', 'sigmas']} label={t('iot.rule.sigmas')} rules={[required]} extra={t('iot.rule.sigmasHint')}>
            <InputNumber min={1} max={20} step={0.5} addonAfter="σ" style={{ width: '100%' }} data-testid="rule-sigmas" />
          </Form.Item>
          <Form.Item name={['params', 'hours']} label={t('iot.rule.hours')} rules={[required]}>
            <InputNumber min={1} max={168} addonAfter={t('iot.rule.hoursUnit')} style={{ width: '100%' }} data-testid="rule-hours" />
          </Form.Item>
          <Form.Item name={['params', 'minCount']} label={t('iot.rule.minCount')} rules={[required]}>
            <InputNumber min={3} max={100000} style={{ width: '100%' }} data-testid="rule-min-count" />
          </Form.Item>
        </>
      );
  }
}
