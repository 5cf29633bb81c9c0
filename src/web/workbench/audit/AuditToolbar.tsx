import { Button, Input, Select } from 'antd';
import { useState } from 'react';
import { auditCsvHref, type AuditQuery } from '../../api/admin';
import { useI18n } from '../../i18n';

type Result = NonNullable<AuditQuery['result']>;
const RESULTS: readonly Result[] = ['success', 'failure', 'denied'];

interface Props {
  query: AuditQuery;
  onSearch: (query: AuditQuery) => void;
  verifying: boolean;
  onVerify: () => void;
}

/** Filters (action, result), integrity check and CSV export of the audit log. */
export function AuditToolbar({ query, onSearch, verifying, onVerify }: Props) {
  const { t } = useI18n();
  const [action, setAction] = useState(query.action ?? '');
  const [result, setResult] = useState<Result | ''>(query.result ?? '');

  const search = () => {
    const next: AuditQuery = { limit: query.limit };
    if (action.trim()) next.action = action.trim();
    if (result) next.result = result;
    onSearch(next);
  };

  return (
    <div className="work-toolbar">
      <Input
        allowClear
        placeholder={t('audit.actionPlaceholder')}
        aria-label={t('audit.action')}
        value={action}
        onChange={(e) => setAction(e.target.value)}
        onPressEnter={search}
        data-testid="audit-action"
      />
      <Select<Result | ''>
        value={result}
        onChange={setResult}
        aria-label={t('audit.result')}
        options={[{ value: '', label: t('audit.result.all') }, ...RESULTS.map((r) => ({ value: r, label: t(`audit.result.${r}`) }))]}
        data-testid="audit-result"
      />
      <Button type="primary" onClick={search} data-testid="audit-search">
        {t('audit.search')}
      </Button>
      <Button loading={verifying} onClick={onVerify} data-testid="audit-verify">
        {t('audit.verify')}
      </Button>
      <Button href={auditCsvHref(query)} download data-testid="audit-export">
        {t('audit.export')}
      </Button>
    </div>
  );
}
