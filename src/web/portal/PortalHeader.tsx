import { useAuth } from '../auth';
import { ButtonLink } from '../components/ButtonLink';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { UserBox } from '../components/UserBox';
import { useI18n } from '../i18n';

export function PortalHeader() {
  const { t } = useI18n();
  const { me } = useAuth();
  const signedIn = Boolean(me && !me.mfaPending);
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
          {signedIn ? (
            <>
              <ButtonLink to="/me" type="link" className="portal-link" data-testid="portal-me">
                {t('portal.myAccount')}
              </ButtonLink>
              <UserBox variant="portal" />
            </>
          ) : (
            me !== undefined && (
              <>
                <ButtonLink to="/login" type="link" className="portal-link" data-testid="portal-login">
                  {t('auth.login')}
                </ButtonLink>
                <ButtonLink to="/register" type="link" className="portal-link" data-testid="portal-register">
                  {t('auth.register')}
                </ButtonLink>
              </>
            )
          )}
          <ButtonLink to="/work" ghost data-testid="staff-entry">
            {t('portal.staffEntry')}
          </ButtonLink>
        </nav>
      </div>
    </header>
  );
}
