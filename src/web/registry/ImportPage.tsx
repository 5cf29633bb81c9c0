import { Alert, Button, Card, Checkbox, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { ButtonLink } from '../components/ButtonLink';
import { ProblemAlert } from '../components/ProblemAlert';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { importCsv, type ImportReport } from './api';
import { useRegisters } from './useRegisters';

/** `/work/registry/import`: CSV of natural or legal persons; all or nothing unless asked; the rejected rows listed. */
export function ImportPage() {
  const { lang, t } = useI18n();
  useDocumentTitle(t('registry.importTitle'));
  const registers = useRegisters();
  const [register, setRegister] = useState<'persons' | 'legal-persons'>('persons');
  const [validOnly, setValidOnly] = useState(false);
  const [file, setFile] = useState<File>();
  const [report, setReport] = useState<ImportReport>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const label = (key: string | null) => (key ? (registers.data?.items.find((r) => r.key === register)?.fields.find((f) => f.key === key)?.[lang] ?? key) : '—');

  const run = async () => {
    if (!file) return;
    setBusy(true);
    setProblem(undefined);
    setReport(undefined);
    try {
      setReport(await importCsv(register, file, validOnly));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const summary = report && (report.committed ? (report.rejectedCount > 0 ? t('registry.importPartial', { imported: report.imported, count: report.rejectedCount }) : t('registry.importDone', { imported: report.imported })) : t('registry.importRefused', { count: report.rejectedCount }));

  return (
    <div className="work-stack" data-testid="registry-import-page">
      <div>
        <ButtonLink to="/work/registry">‹ {t('registry.back')}</ButtonLink>
      </div>
      <Card title={t('registry.importTitle')}>
        <Typography.Paragraph type="secondary">{t('registry.importHint')}</Typography.Paragraph>
        <Typography.Paragraph type="secondary">{t(register === 'persons' ? 'registry.importPersonsHeader' : 'registry.importLegalHeader')}</Typography.Paragraph>
        <Space direction="vertical">
          <Segmented
            value={register}
            onChange={(v) => setRegister(v as 'persons' | 'legal-persons')}
            options={(registers.data?.items ?? []).filter((r) => r.key !== 'places').map((r) => ({ value: r.key, label: <span data-testid={`registry-import-${r.key}`}>{r[lang]}</span> }))}
          />
          <label>
            {t('registry.chooseFile')}：
            <input type="file" accept=".csv,text/csv" data-testid="registry-import-file" onChange={(e) => setFile(e.target.files?.[0])} />
          </label>
          <Checkbox checked={validOnly} onChange={(e) => setValidOnly(e.target.checked)} data-testid="registry-import-valid-only">
            {t('registry.validOnly')}
          </Checkbox>
          <Button type="primary" disabled={!file} loading={busy} onClick={() => void run()} data-testid="registry-import-run">
            {t('registry.importNow')}
          </Button>
        </Space>
      </Card>
      {problem && <ProblemAlert problem={problem} />}
      {report && (
        <Card>
          <Alert type={report.committed ? (report.rejectedCount > 0 ? 'warning' : 'success') : 'error'} showIcon message={summary} data-testid="registry-import-summary" />
          {report.rejected.length > 0 && (
            <Table
              style={{ marginTop: 16 }}
              data-testid="registry-import-rejected"
              size="small"
              rowKey={(r) => `${r.line}-${r.code}`}
              dataSource={report.rejected}
              pagination={{ pageSize: 50, showSizeChanger: false }}
              columns={[
                { key: 'line', title: t('registry.line'), dataIndex: 'line', width: 80 },
                { key: 'field', title: t('registry.field'), render: (_: unknown, r: ImportReport['rejected'][number]) => label(r.field) },
                { key: 'problem', title: t('registry.problem'), render: (_: unknown, r: ImportReport['rejected'][number]) => r[lang] },
              ]}
            />
          )}
        </Card>
      )}
    </div>
  );
}
