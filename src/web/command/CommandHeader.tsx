import { Link } from 'react-router-dom';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { useI18n } from '../i18n';
import { LiveClock } from './LiveClock';

export function CommandHeader() {
  const { t } = useI18n();
  return (
    <header className="command-header">
      <LiveClock />
      <h1 className="command-title" data-testid="command-title">
        {t('command.title')}
      </h1>
      <nav className="command-nav">
        <Link to="/">{t('command.toPortal')}</Link>
        <Link to="/work">{t('command.toWork')}</Link>
        <LanguageSwitch />
      </nav>
    </header>
  );
}
