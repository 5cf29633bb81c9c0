import { Card, Result } from 'antd';
import { useState } from 'react';
import { useAuth } from '../auth';
import { ButtonLink } from '../components/ButtonLink';
import { PageFallback } from '../components/PageFallback';
import { useI18n } from '../i18n';
import type { Written } from './api';
import { LetterForm } from './LetterForm';
import { PortalLettersShell } from './PortalLettersShell';

/** `/letters/write`: signed in, a letter with attachments; otherwise an anonymous one with a phone number. */
export function WriteLetterPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [written, setWritten] = useState<Written & { anonymous: boolean }>();
  const signedIn = Boolean(me && !me.mfaPending);
  return (
    <PortalLettersShell title={t('interaction.nav.write')} testId="letter-write-page">
      {me === undefined ? (
        <PageFallback />
      ) : written ? (
        <Result
          status="success"
          title={t('interaction.written.title')}
          subTitle={<span data-testid="letter-written">{written.anonymous ? t('interaction.written.anonymousBody', { no: written.ticketNo }) : t('interaction.written.body', { no: written.ticketNo, days: written.limitDays })}</span>}
          extra={[
            <ButtonLink key="again" to="/letters/write" onClickCapture={() => setWritten(undefined)} data-testid="letter-again">
              {t('interaction.written.again')}
            </ButtonLink>,
            ...(written.anonymous ? [] : [<ButtonLink key="mine" type="primary" to="/me/letters" data-testid="letter-to-mine">{t('interaction.written.mine')}</ButtonLink>]),
          ]}
        />
      ) : (
        <Card>
          {!signedIn && (
            <p>
              <ButtonLink to="/login?next=%2Fletters%2Fwrite" type="link" data-testid="letter-login">
                {t('interaction.form.login')}
              </ButtonLink>
            </p>
          )}
          <LetterForm mode={signedIn ? 'signedIn' : 'anonymous'} onWritten={(w) => setWritten({ ...w, anonymous: !signedIn })} />
        </Card>
      )}
    </PortalLettersShell>
  );
}
