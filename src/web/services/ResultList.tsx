import { List, Tag } from 'antd';
import { Link } from 'react-router-dom';
import type { SearchHit } from '../api/services';
import { useI18n } from '../i18n';
import { Highlighted } from './Highlighted';
import { handlingLabel, levelLabel, typeLabel } from './labels';

interface Props {
  hits: SearchHit[];
  query: string;
  loading: boolean;
}

/** Search results: the name (query marked), its type, level and department, and how it is handled. */
export function ResultList({ hits, query, loading }: Props) {
  const { t } = useI18n();
  return (
    <List
      className="services-results"
      loading={loading && hits.length === 0}
      dataSource={hits}
      locale={{ emptyText: t('services.search.empty') }}
      data-testid="services-results"
      renderItem={(hit) => (
        <List.Item key={hit.code} data-testid={`service-hit-${hit.code}`}>
          <div className="services-hit">
            <Link to={`/services/${hit.code}`} className="services-hit-name" data-testid={`service-link-${hit.code}`}>
              <Highlighted text={hit.name} query={query} />
            </Link>
            {hit.parentName && <div className="services-hit-parent">{hit.parentName}</div>}
            <div className="services-hit-tags">
              <Tag color="blue">{typeLabel(t, hit.type)}</Tag>
              <Tag>{levelLabel(t, hit.level)}</Tag>
              {hit.handlingKind && <Tag color="purple">{handlingLabel(t, hit.handlingKind)}</Tag>}
              <span className="services-hit-dept">{hit.department.name}</span>
            </div>
            <div className="services-hit-facts">
              <span>{hit.instant ? t('services.hit.instant') : t('services.hit.promised', { days: hit.promisedDays })}</span>
              <span>{hit.visits === 0 ? t('services.hit.visits0') : t('services.hit.visits1')}</span>
              {hit.online && <Tag color="green">{t('services.hit.online')}</Tag>}
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
