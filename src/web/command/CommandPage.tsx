import { ConfigProvider, theme } from 'antd';
import { AsyncView } from '../components/AsyncView';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n } from '../i18n';
import { CommandBoard } from './CommandBoard';
import { CommandHeader } from './CommandHeader';
import './command.css';

const DARK = { algorithm: theme.darkAlgorithm, token: { colorPrimary: '#36cfc9' } };

/** Command screen (指挥大屏) at `/command`: dark, full-viewport dashboard. */
export default function CommandPage() {
  const { t } = useI18n();
  useDocumentTitle(t('command.docTitle'));
  const orgs = useOrgs();
  return (
    <ConfigProvider theme={DARK}>
      <div className="command">
        <CommandHeader />
        <main className="command-main">
          <AsyncView state={orgs} isEmpty={(list) => list.length === 0}>
            {(list) => <CommandBoard orgs={list} />}
          </AsyncView>
        </main>
      </div>
    </ConfigProvider>
  );
}
