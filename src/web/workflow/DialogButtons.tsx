import { Button, Space } from 'antd';
import { useI18n } from '../i18n';

/** 确定 (submits the form) and 取消, with `${prefix}-submit` / `${prefix}-cancel` test ids. */
export function DialogButtons({ prefix, busy, onCancel, submitText }: { prefix: string; busy: boolean; onCancel: () => void; submitText?: string }) {
  const { t } = useI18n();
  return (
    <Space wrap>
      <Button type="primary" htmlType="submit" loading={busy} data-testid={`${prefix}-submit`}>
        {submitText ?? t('wf.submitAction')}
      </Button>
      <Button onClick={onCancel} data-testid={`${prefix}-cancel`}>
        {t('common.cancel')}
      </Button>
    </Space>
  );
}
