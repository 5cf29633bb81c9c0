import { Select } from 'antd';
import { useMemo } from 'react';
import type { CaseClass } from '../api/cases';
import { useI18n } from '../i18n';

interface Props {
  classes: CaseClass[];
  value?: string | undefined;
  onChange?: (code: string | undefined) => void;
  testId: string;
  placeholder?: string;
  allowClear?: boolean;
}

interface Option {
  value: string;
  label: JSX.Element;
  search: string;
}

/**
 * 类别选择: 部件 and 事件 classes grouped by kind and major class (公用设施, 市容环境 …),
 * searchable by name, code or major class.
 */
export function ClassPicker({ classes, value, onChange, testId, placeholder, allowClear }: Props) {
  const { t } = useI18n();
  const groups = useMemo(() => {
    const byMajor = new Map<string, { label: string; options: Option[] }>();
    const sorted = [...classes].sort((a, b) => (a.kind === b.kind ? a.code.localeCompare(b.code) : a.kind === 'event' ? -1 : 1));
    for (const c of sorted) {
      const key = `${c.kind}:${c.majorCode}`;
      const kind = c.kind === 'event' ? t('cases.kind.event') : t('cases.kind.component');
      const group = byMajor.get(key) ?? { label: `${kind} · ${c.majorName}`, options: [] };
      group.options.push({
        value: c.code,
        search: `${c.name} ${c.code} ${c.majorName} ${kind}`.toLowerCase(),
        label: (
          <span className="case-class-option">
            <span>{c.name}</span>
            <span className="case-class-code">{c.code}</span>
          </span>
        ),
      });
      byMajor.set(key, group);
    }
    return [...byMajor.values()];
  }, [classes, t]);
  return (
    <Select<string>
      showSearch
      value={value}
      onChange={(v) => onChange?.(v)}
      options={groups}
      allowClear={allowClear}
      placeholder={placeholder ?? t('cases.form.classPlaceholder')}
      filterOption={(input, option) => Boolean(option?.search?.includes(input.trim().toLowerCase()))}
      listHeight={320}
      data-testid={testId}
      style={{ width: '100%' }}
    />
  );
}
