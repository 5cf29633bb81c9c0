import { Button, Segmented, Select, Space, Switch, Tag } from 'antd';
import type { Facets } from '../api/services';
import { useI18n } from '../i18n';
import { levelLabel, levels, typeLabel } from './labels';

export const filterKeys = ['department', 'level', 'lifeEvent', 'topic', 'type', 'online'] as const;
export type FilterValues = Partial<Record<(typeof filterKeys)[number], string>>;

interface Props {
  value: FilterValues;
  facets: Facets | undefined;
  onChange: (next: FilterValues) => void;
}

/** The portal's filters with counts: life event (我要办), level, department, topic, type, online only. */
export function SearchFilters({ value, facets, onChange }: Props) {
  const { lang, t } = useI18n();
  const set = (key: keyof FilterValues, v: string | undefined) => onChange({ ...value, [key]: v });
  const count = (list: Array<{ code: string; count: number }> | undefined, code: string) => list?.find((x) => x.code === code)?.count ?? 0;
  const any = filterKeys.some((k) => value[k]);
  return (
    <div className="services-filters" data-testid="services-filters">
      <div className="services-events" data-testid="services-events">
        <span className="services-filter-label">{t('services.filter.lifeEvent')}</span>
        {(facets?.lifeEvents ?? []).map((e) => (
          <Tag.CheckableTag key={e.code} checked={value.lifeEvent === e.code} onChange={(on) => set('lifeEvent', on ? e.code : undefined)} data-testid={`services-event-${e.code}`}>
            {lang === 'zh' ? e.zh : e.en} {e.count}
          </Tag.CheckableTag>
        ))}
      </div>
      <Segmented
        value={value.level ?? ''}
        onChange={(v) => set('level', v ? String(v) : undefined)}
        options={[{ value: '', label: t('services.filter.allLevels') }, ...levels.map((l) => ({ value: l, label: <span data-testid={`services-level-${l}`}>{`${levelLabel(t, l)} ${count(facets?.levels, l)}`}</span> }))]}
        className="services-levels"
      />
      <Space wrap className="services-selects">
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('services.filter.allDepartments')}
          value={value.department}
          onChange={(v?: string) => set('department', v)}
          options={(facets?.departments ?? []).map((d) => ({ value: d.id, label: `${d.name} (${d.count})` }))}
          data-testid="services-department"
          className="services-select"
        />
        <Select
          allowClear
          placeholder={t('services.filter.allTopics')}
          value={value.topic}
          onChange={(v?: string) => set('topic', v)}
          options={(facets?.topics ?? []).map((x) => ({ value: x.code, label: `${lang === 'zh' ? x.zh : x.en} (${x.count})` }))}
          data-testid="services-topic"
          className="services-select"
        />
        <Select
          allowClear
          placeholder={t('services.filter.allTypes')}
          value={value.type}
          onChange={(v?: string) => set('type', v)}
          options={(facets?.types ?? []).map((x) => ({ value: x.code, label: `${typeLabel(t, x.code)} (${x.count})` }))}
          data-testid="services-type"
          className="services-select"
        />
        <span>
          <Switch size="small" checked={value.online === 'true'} onChange={(on) => set('online', on ? 'true' : undefined)} data-testid="services-online" /> {t('services.filter.online')}
        </span>
        {any && (
          <Button type="link" onClick={() => onChange({})} data-testid="services-clear">
            {t('services.filter.clear')}
          </Button>
        )}
      </Space>
    </div>
  );
}
