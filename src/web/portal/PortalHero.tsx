import { Link } from 'react-router-dom';
import { useI18n, type MessageKey } from '../i18n';

/** The portal's front doors: services, reporting a problem, the public case map. */
const ENTRIES: ReadonlyArray<{ to: string; label: MessageKey }> = [
  { to: '/services', label: 'portal.entry.services' },
  { to: '/services/progress', label: 'portal.entry.progress' },
  { to: '/certificates/verify', label: 'portal.entry.verify' },
  { to: '/opendata', label: 'catalog.portal.entry' },
  { to: '/report', label: 'portal.entry.report' },
  { to: '/cases/map', label: 'portal.entry.casesMap' },
  { to: '/letters', label: 'portal.entry.letters' },
  { to: '/disclosure', label: 'portal.entry.disclosure' },
];

const FACTS: ReadonlyArray<{ value: string; label: MessageKey }> = [
  { value: '500118', label: 'portal.fact.code' },
  { value: '7', label: 'portal.fact.streets' },
  { value: '16', label: 'portal.fact.towns' },
];

/** Introduction of Yongchuan District. */
export function PortalHero() {
  const { t } = useI18n();
  return (
    <section className="portal-hero" aria-labelledby="portal-hero-heading">
      <div className="portal-container">
        <p className="portal-hero-eyebrow">{t('portal.hero.eyebrow')}</p>
        <h2 id="portal-hero-heading" className="portal-hero-heading">
          {t('portal.hero.heading')}
        </h2>
        <p className="portal-hero-intro">{t('portal.hero.intro')}</p>
        <nav className="portal-entries" aria-label={t('portal.entry.label')} data-testid="portal-entries">
          {ENTRIES.map((entry) => (
            <Link key={entry.to} to={entry.to} className="portal-entry" data-testid={`portal-entry-${entry.to.slice(1).replace('/', '-')}`}>
              {t(entry.label)}
            </Link>
          ))}
        </nav>
        <ul className="portal-facts">
          {FACTS.map((fact) => (
            <li key={fact.label} className="portal-fact">
              <strong className="portal-fact-value">{fact.value}</strong>
              <span className="portal-fact-label">{t(fact.label)}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
