import { Select } from 'antd';
import { useMemo } from 'react';
import { useOrgs } from '../../hooks/useOrgs';
import { useI18n } from '../../i18n';
import type { DeviceType } from '../api';
import { DEVICE_STATES, stateLabel } from '../labels';

export interface DeviceFilterValues {
  typeCode?: string | undefined;
  state?: string | undefined;
  area?: string | undefined;
}

interface Props {
  value: DeviceFilterValues;
  onChange: (next: DeviceFilterValues) => void;
  types: DeviceType[];
}

/** 筛选: device type, state, street or town. */
export function DeviceFilters({ value, onChange, types }: Props) {
  const { lang, t } = useI18n();
  const orgs = useOrgs();
  const streets = useMemo(
    () => (orgs.data ?? []).filter((o) => (o.kind === 'street' || o.kind === 'town') && /^\d{9}$/.test(o.code)).map((o) => ({ value: o.code, label: o.name })),
    [orgs.data],
  );
  const set = (patch: DeviceFilterValues) => onChange({ ...value, ...patch });
  return (
    <div className="work-toolbar iot-toolbar" data-testid="device-filters">
      <Select
        allowClear
        value={value.typeCode}
        onChange={(typeCode?: string) => set({ typeCode })}
        options={types.map((ty) => ({ value: ty.code, label: lang === 'zh' ? ty.nameZh : ty.nameEn }))}
        placeholder={t('iot.device.type')}
        style={{ minWidth: 150 }}
        data-testid="device-filter-type"
      />
      <Select
        allowClear
        value={value.state}
        onChange={(state?: string) => set({ state })}
        options={DEVICE_STATES.map((s) => ({ value: s, label: stateLabel(t, s) }))}
        placeholder={t('iot.device.state')}
        style={{ minWidth: 120 }}
        data-testid="device-filter-state"
      />
      <Select
        allowClear
        showSearch
        optionFilterProp="label"
        value={value.area}
        onChange={(area?: string) => set({ area })}
        options={streets}
        loading={orgs.loading}
        placeholder={t('iot.device.area')}
        style={{ minWidth: 150 }}
        data-testid="device-filter-area"
      />
    </div>
  );
}
