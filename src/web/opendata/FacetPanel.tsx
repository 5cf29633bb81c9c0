import { Button, Card, Checkbox } from 'antd';
import { useI18n } from '../i18n';
import type { MessageKey } from '../i18n/types';
import { FACETS, type Facet, type SearchResult } from './api';

interface Props {
  facets: SearchResult['search_facets'];
  selected: Partial<Record<Facet, string[]>>;
  onChange: (selected: Partial<Record<Facet, string[]>>) => void;
}

/** Facets as CKAN counts them: each value with its number of datasets under the current search. */
export function FacetPanel({ facets, selected, onChange }: Props) {
  const { t } = useI18n();
  const toggle = (field: Facet, name: string, on: boolean) => {
    const values = new Set(selected[field] ?? []);
    if (on) values.add(name);
    else values.delete(name);
    onChange({ ...selected, [field]: [...values] });
  };
  const any = Object.values(selected).some((v) => (v ?? []).length > 0);
  return (
    <div className="opendata-facets" data-testid="opendata-facets">
      {any && (
        <Button type="link" onClick={() => onChange({})} data-testid="opendata-facet-clear">
          {t('opendata.facet.clear')}
        </Button>
      )}
      {FACETS.map((field) => {
        const items = facets[field]?.items ?? [];
        if (items.length === 0) return null;
        return (
          <Card key={field} size="small" title={t(`opendata.facet.${field}` as MessageKey)} className="opendata-facet">
            {items.map((item) => (
              <div key={item.name}>
                <Checkbox
                  checked={(selected[field] ?? []).includes(item.name)}
                  onChange={(e) => toggle(field, item.name, e.target.checked)}
                  data-testid={`facet-${field}-${item.name}`}
                >
                  {item.display_name} <span className="opendata-count">({item.count})</span>
                </Checkbox>
              </div>
            ))}
          </Card>
        );
      })}
    </div>
  );
}
