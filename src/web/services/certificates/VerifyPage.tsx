import { Alert, Button, Input, Typography, Upload } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { verifyCertificate, verifyFile, type FileVerdict, type Verification } from './api';
import { CertificatesShell } from './CertificatesShell';
import { VerificationCard } from './VerificationCard';

/**
 * `/certificates/verify` (public): by number and code (the QR code opens this page with both
 * filled in and checks at once), or by uploading the PDF.
 */
export function VerifyPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const [number, setNumber] = useState(params.get('number') ?? '');
  const [code, setCode] = useState(params.get('code') ?? '');
  const [result, setResult] = useState<Verification>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  const check = async (n: string, c: string) => {
    setBusy(true);
    setResult(undefined);
    setProblem(undefined);
    try {
      setResult(await verifyCertificate(n.trim(), c.trim()));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const n = params.get('number');
    const c = params.get('code');
    if (n && c) void check(n, c);
    // only when the address carries them (a scanned QR code)
  }, []);

  const submit = () => {
    setParams({ number: number.trim(), code: code.trim() }, { replace: true });
    void check(number, code);
  };

  return (
    <CertificatesShell title={t('certs.verify.title')} testId="cert-verify-page">
      <Typography.Paragraph type="secondary">{t('certs.verify.intro')}</Typography.Paragraph>
      <form
        className="cert-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Input value={number} onChange={(e) => setNumber(e.target.value)} placeholder={t('certs.verify.number')} aria-label={t('certs.verify.number')} data-testid="cert-verify-number" maxLength={40} />
        <Input value={code} onChange={(e) => setCode(e.target.value)} placeholder={t('certs.verify.code')} aria-label={t('certs.verify.code')} data-testid="cert-verify-code" maxLength={20} />
        <Button type="primary" htmlType="submit" loading={busy} disabled={!number.trim() || !code.trim()} data-testid="cert-verify-submit">
          {t('certs.verify.submit')}
        </Button>
      </form>
      {problem && (problem.code === 'CERT_NOT_VERIFIED' ? <Alert type="error" showIcon message={t('certs.verify.notVerified')} data-testid="cert-not-verified" /> : <ProblemAlert problem={problem} />)}
      {result && <VerificationCard result={result} />}
      <FileCheck />
    </CertificatesShell>
  );
}

function FileCheck() {
  const { t } = useI18n();
  const [verdict, setVerdict] = useState<FileVerdict>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const onFile = async (file: File) => {
    setBusy(true);
    setVerdict(undefined);
    setProblem(undefined);
    try {
      setVerdict(await verifyFile(file));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  const type = verdict?.result === 'authentic' ? 'success' : verdict?.result === 'tampered' ? 'error' : 'warning';
  return (
    <div className="cert-upload">
      <Typography.Title level={5}>{t('certs.verify.upload')}</Typography.Title>
      <Upload
        accept="application/pdf,.pdf"
        maxCount={1}
        showUploadList={false}
        beforeUpload={(file) => {
          void onFile(file);
          return false;
        }}
      >
        <Button loading={busy} data-testid="cert-upload">
          {t('certs.verify.upload')}
        </Button>
      </Upload>
      <Typography.Paragraph type="secondary">{t('certs.verify.uploadHint')}</Typography.Paragraph>
      {problem && <ProblemAlert problem={problem} />}
      {verdict && (
        <div data-testid="cert-file-result" data-result={verdict.result}>
          <Alert
            type={type}
            showIcon
            message={t(`certs.file.${verdict.result}`)}
            description={verdict.problems.length > 0 ? verdict.problems.map((p) => t(`certs.file.problem.${p}`)).join('；') : undefined}
          />
          {verdict.certificate && <VerificationCard result={verdict.certificate} />}
        </div>
      )}
    </div>
  );
}
