import { Card } from 'antd';
import type { Org } from '../api/orgs';
import { AsyncView } from '../components/AsyncView';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n, type MessageKey } from '../i18n';
import { useOrgIndex } from '../orgs/useOrgIndex';
import { OrgGroup } from './OrgGroup';

const GROUPS: ReadonlyArray<{ kind: Org['kind']; title: MessageKey }> = [
  { kind: 'department', title: 'portal.dir.departments' },
  { kind: 'street', title: 'portal.dir.streets' },
  { kind: 'town', title: 'portal.dir.towns' },
];

/** 机构导航: departments, streets and towns, each with its number of sub-units. */
export function OrgDirectory() {
  const { t } = useI18n();
  const orgs = useOrgs();
  const index = useOrgIndex(orgs.data);
  return (
    <section className="portal-section" aria-labelledby="org-directory-heading" data-testid="org-directory">
      <div className="portal-container">
        <header className="portal-section-header">
          <h2 id="org-directory-heading">{t('portal.dir.title')}</h2>
          <p>{t('portal.dir.subtitle')}</p>
        </header>
        <Card className="portal-card">
          <AsyncView state={orgs} isEmpty={(list) => list.length === 0} emptyText={t('portal.dir.empty')}>
            {() =>
              index &&
              GROUPS.map((group) => (
                <OrgGroup key={group.kind} title={t(group.title)} kind={group.kind} index={index} />
              ))
            }
          </AsyncView>
        </Card>
      </div>
    </section>
  );
}
