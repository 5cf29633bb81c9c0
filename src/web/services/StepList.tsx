import { Steps, Typography } from 'antd';
import type { Guide } from '../api/services';
import { useI18n } from '../i18n';

/** 办理流程: each step with its own limit (vertical, so that it reads on a phone). */
export function StepList({ steps }: { steps: Guide['steps'] }) {
  const { t } = useI18n();
  if (steps.length === 0) return <Typography.Text type="secondary">{t('services.steps.none')}</Typography.Text>;
  return (
    <Steps
      direction="vertical"
      size="small"
      current={steps.length}
      data-testid="guide-steps"
      items={steps.map((s) => ({
        title: s.days === null ? s.name : `${s.name}（${t('services.guide.days', { days: s.days })}）`,
        description: s.description,
      }))}
    />
  );
}
