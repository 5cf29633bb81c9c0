import { Button, Card } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { MaterialUploads, type UploadedFile } from '../apply/MaterialUploads';
import { resubmit, type Application } from './api';

/** 补正: upload what the one notice asks for (the materials it names, or any when it names none) and resubmit. */
export function CorrectionForm({ application, onDone }: { application: Application; onDone: () => void }) {
  const { t } = useI18n();
  const [files, setFiles] = useState<UploadedFile[]>([]);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const named = [...new Set((application.corrections ?? []).flatMap((c) => (c.material ? [c.material] : [])))];
  const send = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      await resubmit(application.id, files.map(({ seq, fileId }) => ({ seq, fileId })));
      onDone();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('apply.corrections.upload')} data-testid="correction-form">
      <MaterialUploads materials={application.materials.map((m) => ({ name: m.name, required: m.required }))} value={files} onChange={setFiles} only={named.length > 0 ? named : undefined} />
      {problem && <ProblemAlert problem={problem} />}
      <div className="apply-actions">
        <Button type="primary" size="large" loading={busy} onClick={() => void send()} data-testid="correction-submit">
          {t('apply.corrections.submit')}
        </Button>
      </div>
    </Card>
  );
}
