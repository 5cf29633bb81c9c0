import { useI18n, type MessageKey } from '../i18n';

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
