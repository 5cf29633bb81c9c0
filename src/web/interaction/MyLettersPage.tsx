import { Card, Space, Tag } from 'antd';
import { fetchMyLetters, type MyLetter } from './api';
import { AsyncView } from '../components/AsyncView';
import { ButtonLink } from '../components/ButtonLink';
import { formatDateTime } from '../format';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { PortalLettersShell } from './PortalLettersShell';
import { TicketState } from './states';

/** `/me/letters` (signed in): what I wrote, its state and the reply. */
export function MyLettersPage() {
  const { t } = useI18n();
  return (
    <PortalLettersShell title={t('interaction.nav.mine')} signedIn testId="my-letters-page">
      <MyLetters />
    </PortalLettersShell>
  );
}

function MyLetters() {
  const { t } = useI18n();
  const mine = useApi(fetchMyLetters, []);
  return (
    <div data-testid="my-letters" data-loading={mine.loading ? 'true' : 'false'}>
      <AsyncView state={mine} isEmpty={(items) => items.length === 0} emptyText={t('interaction.mine.empty')}>
        {(items) => items.map((item) => <LetterItem key={item.id} item={item} />)}
      </AsyncView>
      <ButtonLink to="/letters/write" type="primary" block style={{ marginTop: 16 }} data-testid="my-letters-write">
        {t('interaction.nav.write')}
      </ButtonLink>
    </div>
  );
}

function LetterItem({ item }: { item: MyLetter }) {
  const { t, lang } = useI18n();
  return (
    <Card size="small" title={item.title} extra={<TicketState state={item.status} testId={`my-letter-state-${item.ticketNo}`} />} data-testid={`my-letter-${item.ticketNo}`}>
      <Space wrap className="letter-meta">
        <span>{item.ticketNo}</span>
        <Tag>{item.kindName[lang]}</Tag>
        <span>{formatDateTime(item.writtenAt, lang)}</span>
        {item.department && <span>{item.department}</span>}
      </Space>
      {item.reply ? (
        <div className="letter-reply" data-testid={`my-letter-reply-${item.ticketNo}`}>
          <strong>{t('interaction.mine.reply')}：</strong>
          {item.reply}
        </div>
      ) : (
        <p className="letter-meta" style={{ marginTop: 8 }}>
          {t('interaction.mine.noReply')}
        </p>
      )}
    </Card>
  );
}
