import { Typography } from 'antd';
import { Navigate } from 'react-router-dom';
import { ApiKeysCard } from '../apikeys/ApiKeysCard';
import { useAuth } from '../auth';
import { PageFallback } from '../components/PageFallback';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { MyServicesCard } from '../services/MyServicesCard';
import { PortalFooter } from './PortalFooter';
import { PortalHeader } from './PortalHeader';
import './portal.css';

/** `/me`: my account on the portal (residents and enterprises; staff too): API keys. */
export function MePage() {
  const { t } = useI18n();
  useDocumentTitle(t('me.docTitle'));
  const { me } = useAuth();
  if (me === undefined) return <PageFallback />;
  if (me === null || me.mfaPending) return <Navigate to="/login" replace />;
  return (
    <div className="portal">
      <PortalHeader />
      <main className="portal-main">
        <div className="portal-container portal-me" data-testid="me-page">
          <Typography.Title level={3}>{t('me.title')}</Typography.Title>
          <MyServicesCard />
          <ApiKeysCard />
        </div>
      </main>
      <PortalFooter />
    </div>
  );
}
