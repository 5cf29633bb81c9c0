import { Alert, Card } from 'antd';
import { useState } from 'react';
import { fetchAudit, verifyAudit, type AuditQuery, type AuditVerdict } from '../../api/admin';
import { problemOf, type Problem } from '../../api/problem';
import { AsyncView } from '../../components/AsyncView';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useApi } from '../../hooks/useApi';
import { useI18n } from '../../i18n';
import { AuditTable } from './AuditTable';
import { AuditToolbar } from './AuditToolbar';

const PAGE_LIMIT = 200;

/** `/work/audit` (audit:read): the audit trail, its integrity check and CSV export. */
export function AuditPage() {
  const { lang, t } = useI18n();
  const [query, setQuery] = useState<AuditQuery>({ limit: PAGE_LIMIT });
  const records = useApi((signal) => fetchAudit(query, signal), [JSON.stringify(query)]);
  const [verdict, setVerdict] = useState<AuditVerdict>();
  const [verifyProblem, setVerifyProblem] = useState<Problem>();
  const [verifying, setVerifying] = useState(false);

  const onVerify = async () => {
    setVerifying(true);
    setVerdict(undefined);
    setVerifyProblem(undefined);
    try {
      setVerdict(await verifyAudit());
    } catch (error) {
      setVerifyProblem(problemOf(error));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <Card title={t('audit.title')} data-testid="audit-page">
      <AuditToolbar query={query} onSearch={setQuery} verifying={verifying} onVerify={() => void onVerify()} />
      <div data-testid="audit-verdict">
        {verdict &&
          (verdict.ok ? (
            <Alert type="success" showIcon className="work-form-error" message={t('audit.verifyOk', { checked: verdict.checked })} />
          ) : (
            <Alert
              type="error"
              showIcon
              className="work-form-error"
              message={t('audit.verifyBad', { seq: verdict.firstProblem?.seq ?? verdict.lastSeq, message: verdict.firstProblem?.message[lang] ?? '' })}
            />
          ))}
        {verifyProblem && (
          <div className="work-form-error">
            <ProblemAlert problem={verifyProblem} />
          </div>
        )}
      </div>
      <AsyncView state={records}>{(list) => <AuditTable records={list} />}</AsyncView>
    </Card>
  );
}
