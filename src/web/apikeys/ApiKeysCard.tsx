import { Card, message, Typography } from 'antd';
import { useState } from 'react';
import { fetchApiKeys, revokeApiKey } from '../api/apiKeys';
import { problemOf } from '../api/problem';
import { problemText } from '../api/problemText';
import { useAuth } from '../auth';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { ApiKeyForm } from './ApiKeyForm';
import { ApiKeyTable } from './ApiKeyTable';
import { NewKeySecret } from './NewKeySecret';
import './apikeys.css';

/** API keys for my own systems: list, create (secret shown once), revoke. Used in the workbench and on /me. */
export function ApiKeysCard() {
  const { lang, t } = useI18n();
  const { me } = useAuth();
  const keys = useApi(fetchApiKeys, []);
  const [secret, setSecret] = useState<string>();

  const onCreated = (key: string) => {
    setSecret(key);
    void message.success(t('apikeys.created'));
    keys.reload();
  };

  const onRevoke = async (id: string) => {
    try {
      await revokeApiKey(id);
      void message.success(t('apikeys.revoked'));
      keys.reload();
    } catch (error) {
      void message.error(problemText(problemOf(error), lang, t));
    }
  };

  return (
    <Card title={t('apikeys.title')} data-testid="apikeys">
      <Typography.Paragraph type="secondary">{t('apikeys.hint')}</Typography.Paragraph>
      {secret && <NewKeySecret secret={secret} onDismiss={() => setSecret(undefined)} />}
      <ApiKeyForm permissions={me?.permissions ?? []} onCreated={onCreated} />
      <div className="apikey-list">
        <AsyncView state={keys}>{(list) => <ApiKeyTable keys={list} onRevoke={(id) => void onRevoke(id)} />}</AsyncView>
      </div>
    </Card>
  );
}
