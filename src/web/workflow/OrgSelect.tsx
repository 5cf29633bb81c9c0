import { Select } from 'antd';
import { useMemo } from 'react';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n } from '../i18n';
import { kindLabel } from '../orgs/kinds';

/** Kinds of organisation that can be asked to countersign. */
const KINDS = ['department', 'street', 'town'] as const;

interface Props {
  value?: string[];
  onChange?: (ids: string[]) => void;
  testId: string;
}

/** Multi-select of departments, streets and towns (from GET /api/v1/orgs), grouped by kind, searchable by name. */
export function OrgSelect({ value, onChange, testId }: Props) {
  const { t } = useI18n();
  const orgs = useOrgs();
  const options = useMemo(
    () =>
      KINDS.map((kind) => ({
        label: kindLabel(t, kind),
        options: (orgs.data ?? []).filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name })),
      })).filter((group) => group.options.length > 0),
    [orgs.data, t],
  );
  return (
    <Select<string[]>
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={orgs.loading}
      optionFilterProp="label"
      placeholder={t('wf.countersignOrgsPlaceholder')}
      allowClear
      data-testid={testId}
    />
  );
}
