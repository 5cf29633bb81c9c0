import { ConfigProvider, Spin, theme } from 'antd';
import { useAuth, useCan } from '../auth';
import { AsyncView } from '../components/AsyncView';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n } from '../i18n';
import { AccessNotice } from './AccessNotice';
import { CommandBoard } from './CommandBoard';
import { CommandHeader } from './CommandHeader';
import { OpsBoard } from './OpsBoard';
import './command.css';
import './ops.css';
import './ops-panels.css';

const DARK = { algorithm: theme.darkAlgorithm, token: { colorPrimary: '#36cfc9' } };

/** Without case access: why, and the public organisation overview. */
function PublicBoard({ reason }: { reason: 'signed-out' | 'denied' }) {
  const orgs = useOrgs();
  return (
    <>
      <AccessNotice reason={reason} />
      <AsyncView state={orgs} isEmpty={(list) => list.length === 0}>
        {(list) => <CommandBoard orgs={list} />}
      </AsyncView>
    </>
  );
}

/**
 * Command screen (城市运行指挥大屏) at `/command`: dark, full-viewport. Staff who may read cases
 * see the live city operations picture; everyone else a sign-in prompt or a no-permission note.
 */
export default function CommandPage() {
  const { t } = useI18n();
  useDocumentTitle(t('command.docTitle'));
  const { me } = useAuth();
  const canRead = useCan('cases:read');
  const signedOut = me === null || Boolean(me?.mfaPending);
  return (
    <ConfigProvider theme={DARK}>
      <div className="command">
        <CommandHeader />
        <main className="command-main">
          {me === undefined ? (
            <Spin size="large" className="ops-spin" />
          ) : canRead ? (
            <OpsBoard />
          ) : (
            <PublicBoard reason={signedOut ? 'signed-out' : 'denied'} />
          )}
        </main>
      </div>
    </ConfigProvider>
  );
}
