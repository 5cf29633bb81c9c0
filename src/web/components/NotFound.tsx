import { Result } from 'antd';
import { useI18n } from '../i18n';
import { ButtonLink } from './ButtonLink';

export function NotFound() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.subtitle')}
      extra={
        <ButtonLink type="primary" to="/">
          {t('common.backToPortal')}
        </ButtonLink>
      }
    />
  );
}
