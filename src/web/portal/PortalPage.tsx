import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { OrgDirectory } from './OrgDirectory';
import { PortalFooter } from './PortalFooter';
import { PortalHeader } from './PortalHeader';
import { PortalHero } from './PortalHero';
import './portal.css';

/** Public portal (门户) at `/`. */
export function PortalPage() {
  const { t } = useI18n();
  useDocumentTitle(t('portal.docTitle'));
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <PortalHero />
        <OrgDirectory />
      </main>
      <PortalFooter />
    </div>
  );
}
