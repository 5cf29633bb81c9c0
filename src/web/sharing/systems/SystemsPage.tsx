import { Button, Card, Popconfirm, Space, Table, Tag, Typography, message, type ButtonProps } from 'antd';
import { useState } from 'react';
import { problemOf } from '../../api/problem';
import { problemText } from '../../api/problemText';
import { AsyncView } from '../../components/AsyncView';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useDocumentTitle } from '../../hooks/useDocumentTitle';
import { useI18n } from '../../i18n';
import { issueKey, listSystems, revokeKey, type IssuedKey, type SharingSystem } from '../api';
import { KeySecretModal } from './KeySecretModal';
import { RegisterSystemForm } from './RegisterSystemForm';
import { exchangeExample } from './usage';

/** `/work/sharing/systems`: the department's systems, their keys (issued, shown once, revoked), and how a system calls. */
export function SystemsPage() {
  const { t, lang } = useI18n();
  useDocumentTitle(`${t('sharing.tab.systems')} · ${t('sharing.title')}`);
  const list = useApi((signal) => listSystems(signal), []);
  const [issued, setIssued] = useState<(IssuedKey & { systemName: string }) | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const fail = (error: unknown) => void message.error(problemText(problemOf(error), lang, t));

  const issue = async (system: SharingSystem) => {
    setBusy(system.id);
    try {
      setIssued({ ...(await issueKey(system.id)), systemName: system.name });
      list.reload();
    } catch (error) {
      fail(error);
    } finally {
      setBusy(null);
    }
  };
  const revoke = async (system: SharingSystem, keyId: string) => {
    try {
      await revokeKey(system.id, keyId);
      void message.success(t('sharing.systems.revoked'));
      list.reload();
    } catch (error) {
      fail(error);
    }
  };

  return (
    <>
      <Card title={t('sharing.tab.systems')} data-testid="sharing-systems-page">
        <Typography.Paragraph type="secondary">{t('sharing.systems.hint')}</Typography.Paragraph>
        <div style={{ marginBottom: 16 }}>
          <RegisterSystemForm onRegistered={() => { void message.success(t('sharing.systems.registered')); list.reload(); }} />
        </div>
        <AsyncView state={list}>
          {(systems) => (
            <Table<SharingSystem>
              rowKey="id"
              size="small"
              dataSource={systems}
              pagination={false}
              scroll={{ x: true }}
              data-testid="sharing-systems"
              columns={[
                { key: 'name', title: t('sharing.systems.name'), render: (_, s) => <span data-testid={`sharing-system-${s.name}`}>{s.name}</span> },
                { key: 'org', title: t('sharing.systems.org'), dataIndex: 'orgName' },
                { key: 'status', title: t('sharing.common.status'), render: (_, s) => <Tag color={s.status === 'active' ? 'success' : 'default'}>{t(`sharing.systems.status.${s.status}`)}</Tag> },
                {
                  key: 'keys',
                  title: t('sharing.systems.keys'),
                  render: (_, s) => {
                    const active = s.keys.filter((k) => k.revokedAt === null);
                    if (active.length === 0) return <Typography.Text type="secondary">{t('sharing.systems.noKeys')}</Typography.Text>;
                    return (
                      <Space direction="vertical" size={2}>
                        {active.map((k) => (
                          <Space key={k.id} size={6} wrap>
                            <Typography.Text code>{k.prefix}…</Typography.Text>
                            <Typography.Text type="secondary">{formatDateTime(k.createdAt, lang)}</Typography.Text>
                            <Popconfirm
                              title={t('sharing.systems.revokeConfirm', { prefix: k.prefix })}
                              onConfirm={() => revoke(s, k.id)}
                              okText={t('sharing.systems.revokeKey')}
                              cancelText={t('sharing.common.cancel')}
                              okButtonProps={{ danger: true, 'data-testid': 'sharing-revoke-key-confirm' } as ButtonProps}
                            >
                              <Button type="link" danger size="small" data-testid={`sharing-revoke-key-${k.prefix}`}>{t('sharing.systems.revokeKey')}</Button>
                            </Popconfirm>
                          </Space>
                        ))}
                      </Space>
                    );
                  },
                },
                {
                  key: 'act',
                  title: '',
                  render: (_, s) =>
                    s.status === 'active' && (
                      <Button size="small" onClick={() => void issue(s)} loading={busy === s.id} data-testid={`sharing-issue-key-${s.name}`}>
                        {t('sharing.systems.issue')}
                      </Button>
                    ),
                },
              ]}
            />
          )}
        </AsyncView>
      </Card>
      <Card title={t('sharing.systems.usageTitle')} size="small">
        <Typography.Paragraph type="secondary">{t('sharing.systems.usageHint')}</Typography.Paragraph>
        <pre className="sharing-code-block" data-testid="sharing-usage-example">{exchangeExample(t)}</pre>
      </Card>
      <KeySecretModal issued={issued} onClose={() => setIssued(null)} />
    </>
  );
}
