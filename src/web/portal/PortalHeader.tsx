import { ButtonLink } from '../components/ButtonLink';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n';

export function PortalHeader() {
  const { t } = useI18n();
  return (
    <header className="portal-header">
      <div className="portal-container portal-header-inner">
        <div className="portal-brand">
          <span className="portal-emblem" aria-hidden="true">
            {t('app.emblem')}
          </span>
          <h1 className="portal-title" data-testid="portal-title">
            {t('portal.title')}
          </h1>
        </div>
        <nav className="portal-actions">
          <LanguageSwitch className="portal-lang" />
          <ButtonLink to="/work" ghost data-testid="staff-entry">
            {t('portal.staffEntry')}
          </ButtonLink>
        </nav>
      </div>
    </header>
  );
}
