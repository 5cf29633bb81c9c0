import { Button, Card, message, Table, Tag } from 'antd';
import { fetchSessions, revokeSession, type Session } from '../../api/auth';
import { problemOf } from '../../api/problem';
import { problemText } from '../../api/problemText';
import { AsyncView } from '../../components/AsyncView';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';

/** My active sessions, each revocable except the current one. */
export function SessionsCard() {
  const { lang, t } = useI18n();
  const sessions = useApi(fetchSessions, []);

  const revoke = async (id: string) => {
    try {
      await revokeSession(id);
      void message.success(t('account.session.revoked'));
      sessions.reload();
    } catch (error) {
      void message.error(problemText(problemOf(error), lang, t));
    }
  };

  return (
    <Card title={t('account.sessionsTitle')} data-testid="sessions">
      <AsyncView state={sessions}>
        {(items) => (
          <Table<Session>
            rowKey="id"
            size="small"
            pagination={false}
            scroll={{ x: 640 }}
            dataSource={items}
            columns={[
              { title: t('account.session.lastSeenAt'), dataIndex: 'lastSeenAt', render: (v: string) => formatDateTime(v, lang) },
              { title: t('account.session.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, lang) },
              { title: t('account.session.ip'), dataIndex: 'ip' },
              { title: t('account.session.userAgent'), dataIndex: 'userAgent', ellipsis: true },
              {
                key: 'action',
                render: (_: unknown, row) =>
                  row.current ? (
                    <Tag color="blue">{t('account.session.current')}</Tag>
                  ) : (
                    <Button size="small" danger onClick={() => void revoke(row.id)} data-testid="session-revoke">
                      {t('account.session.revoke')}
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </AsyncView>
    </Card>
  );
}
