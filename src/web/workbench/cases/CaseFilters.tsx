import { DatePicker, Select } from 'antd';
import dayjs from 'dayjs';
import { useMemo } from 'react';
import type { CaseClass } from '../../api/cases';
import { ClassPicker } from '../../cases/ClassPicker';
import { CASE_STATES, stateLabel } from '../../cases/states';
import { useOrgs } from '../../hooks/useOrgs';
import { useI18n } from '../../i18n';

/** The list's filters as kept in the address bar: dates as YYYY-MM-DD (Beijing days). */
export interface CaseFilterValues {
  status?: string | undefined;
  classCode?: string | undefined;
  streetCode?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

interface Props {
  value: CaseFilterValues;
  onChange: (next: CaseFilterValues) => void;
  classes: CaseClass[];
}

/** 筛选: state, class, street or town, reporting period. */
export function CaseFilters({ value, onChange, classes }: Props) {
  const { t } = useI18n();
  const orgs = useOrgs();
  const streets = useMemo(
    () => (orgs.data ?? []).filter((o) => (o.kind === 'street' || o.kind === 'town') && /^\d{9}$/.test(o.code)).map((o) => ({ value: o.code, label: o.name })),
    [orgs.data],
  );
  const set = (patch: CaseFilterValues) => onChange({ ...value, ...patch });
  return (
    <div className="case-list-filters" data-testid="case-filters">
      <Select
        allowClear
        value={value.status}
        onChange={(status?: string) => set({ status })}
        options={CASE_STATES.map((s) => ({ value: s, label: stateLabel(t, s) }))}
        placeholder={t('cases.filter.status')}
        data-testid="filter-status"
      />
      <div style={{ minWidth: 220 }}>
        <ClassPicker classes={classes} value={value.classCode} onChange={(classCode) => set({ classCode })} allowClear placeholder={t('cases.filter.class')} testId="filter-class" />
      </div>
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        value={value.streetCode}
        onChange={(streetCode?: string) => set({ streetCode })}
        options={streets}
        loading={orgs.loading}
        placeholder={t('cases.filter.street')}
        data-testid="filter-street"
      />
      <DatePicker.RangePicker
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        onChange={(range) => set({ from: range?.[0]?.format('YYYY-MM-DD'), to: range?.[1]?.format('YYYY-MM-DD') })}
        allowClear
        data-testid="filter-dates"
      />
    </div>
  );
}
