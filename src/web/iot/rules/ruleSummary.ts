import type { Translate } from '../../i18n';
import type { Quantity, Rule } from '../api';

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v));

/** The condition in words, in the quantity's unit: 高于 150 µg/m³ 持续 10 分钟. */
export function ruleCondition(t: Translate, rule: Rule, quantity: Quantity | undefined): string {
  const p = rule.params;
  const unit = quantity?.unit ?? '';
  switch (rule.kind) {
    case 'threshold': {
      const minutes = num(p['forSeconds']) / 60;
      const op = p['op'] === 'below' ? t('iot.rule.below') : t('iot.rule.above');
      return minutes > 0 ? t('iot.rule.sumThresholdFor', { op, value: num(p['value']), unit, minutes }) : t('iot.rule.sumThreshold', { op, value: num(p['value']), unit });
    }
    case 'rate':
      return t('iot.rule.sumRate', { value: num(p['perMinute']), unit });
    case 'missing':
      return t('iot.rule.sumMissing', { minutes: num(p['forSeconds']) / 60 });
    case 'anomaly':
      return t('iot.rule.sumAnomaly', { sigmas: num(p['sigmas']), hours: num(p['hours']), count: num(p['minCount']) });
    default:
      return JSON.stringify(p);
  }
}
