import { ButtonLink } from '../components/ButtonLink';
import { useI18n } from '../i18n';

/** Why the case figures are not shown: not signed in (with a sign-in link back here), or no permission. */
export function AccessNotice({ reason }: { reason: 'signed-out' | 'denied' }) {
  const { t } = useI18n();
  const signedOut = reason === 'signed-out';
  return (
    <section className="command-access" data-testid="command-access" data-reason={reason} aria-label={t('command.ops.heading')}>
      <div>
        <h2 className="command-access-title">{signedOut ? t('command.access.signInTitle') : t('command.access.deniedTitle')}</h2>
        <p className="command-access-hint">{signedOut ? t('command.access.signInHint') : t('command.access.deniedHint')}</p>
      </div>
      {signedOut && (
        <ButtonLink type="primary" size="large" to={`/login?next=${encodeURIComponent('/command')}`} data-testid="command-sign-in">
          {t('command.access.signIn')}
        </ButtonLink>
      )}
    </section>
  );
}
