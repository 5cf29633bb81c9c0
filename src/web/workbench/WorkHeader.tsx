import { Button, Layout } from 'antd';
import { ButtonLink } from '../components/ButtonLink';
import { MenuIcon } from '../components/icons';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { UserBox } from '../components/UserBox';
import { useI18n } from '../i18n';

interface Props {
  isPhone: boolean;
  onOpenMenu: () => void;
}

export function WorkHeader({ isPhone, onOpenMenu }: Props) {
  const { t } = useI18n();
  return (
    <Layout.Header className="work-header">
      {isPhone && (
        <Button
          type="text"
          className="work-menu-button"
          icon={<MenuIcon />}
          aria-label={t('work.menu.open')}
          data-testid="work-menu-button"
          onClick={onOpenMenu}
        />
      )}
      <h1 className="work-title" data-testid="work-title">
        {t('work.title')}
      </h1>
      <div className="work-header-actions">
        <LanguageSwitch />
        {!isPhone && (
          <ButtonLink type="link" to="/">
            {t('common.backToPortal')}
          </ButtonLink>
        )}
        <UserBox variant="work" compact={isPhone} />
      </div>
    </Layout.Header>
  );
}
