import { Card } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n, type MessageKey } from '../i18n';

/** Where a citizen's dealings with the government are: applications, certificates, ratings, and the public checks. */
const LINKS: ReadonlyArray<{ to: string; label: MessageKey; testId: string }> = [
  { to: '/services/applications', label: 'me.services.applications', testId: 'me-applications' },
  { to: '/me/certificates', label: 'me.services.certificates', testId: 'me-certificates' },
  { to: '/me/ratings', label: 'me.services.ratings', testId: 'me-ratings' },
  { to: '/services/progress', label: 'me.services.progress', testId: 'me-progress' },
  { to: '/certificates/verify', label: 'me.services.verify', testId: 'me-verify' },
];

/** The "my services" card of the portal's `/me` page (我的办事). */
export function MyServicesCard() {
  const { t } = useI18n();
  return (
    <Card title={t('me.services.title')} data-testid="me-services" style={{ marginBottom: 16 }}>
      <nav className="portal-entries me-services">
        {LINKS.map((l) => (
          <Link key={l.to} to={l.to} className="portal-entry" data-testid={l.testId}>
            {t(l.label)}
          </Link>
        ))}
      </nav>
    </Card>
  );
}
