import { useI18n } from '../i18n';
import type { OrgIndex } from '../orgs/OrgIndex';

interface Props {
  title: string;
  kind: string;
  index: OrgIndex;
}

/** One group of the directory (e.g. 街道): a grid of names with their sub-unit counts. */
export function OrgGroup({ title, kind, index }: Props) {
  const { t } = useI18n();
  const orgs = index.ofKind(kind);
  const headingId = `org-group-${kind}`;
  return (
    <section className="org-group" aria-labelledby={headingId} data-testid={`org-group-${kind}`}>
      <h3 id={headingId} className="org-group-title">
        {title}
        <span className="org-group-count">{t('portal.dir.groupCount', { count: orgs.length })}</span>
      </h3>
      {orgs.length === 0 ? (
        <p className="org-group-empty">{t('portal.dir.empty')}</p>
      ) : (
        <ul className="org-group-list">
          {orgs.map((org) => (
            <li key={org.id} className="org-group-item">
              <span className="org-group-name">{org.name}</span>
              <span className="org-group-children">
                {t('portal.dir.children', { count: index.children(org.id).length })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
