import { Button, Card, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { checkCompliance, type ShareRequest } from '../api';
import { ReasonDialog } from '../ReasonDialog';

interface Props {
  request: ShareRequest;
  onDone: (notice: string) => void;
  onError: (error: unknown) => void;
}

/** 合规审核 by the data authority: pass to the provider (an optional opinion), or refuse with reasons. */
export function ComplianceCard({ request, onDone, onError }: Props) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const pass = async () => {
    setBusy(true);
    try {
      await checkCompliance(request.id, { decision: 'pass', ...(comment.trim() ? { comment: comment.trim() } : {}) });
      onDone(t('sharing.compliance.passed'));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('sharing.compliance.title')} data-testid="sharing-compliance">
      <Typography.Paragraph type="secondary">{t('sharing.compliance.hint')}</Typography.Paragraph>
      <Input.TextArea rows={2} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} placeholder={t('sharing.compliance.comment')} style={{ marginBottom: 12 }} data-testid="sharing-compliance-comment" />
      <Space wrap>
        <Button type="primary" loading={busy} onClick={() => void pass()} data-testid="sharing-compliance-pass">{t('sharing.compliance.pass')}</Button>
        <Button danger disabled={busy} onClick={() => setRefusing(true)} data-testid="sharing-compliance-refuse">{t('sharing.compliance.refuse')}</Button>
      </Space>
      <ReasonDialog
        open={refusing}
        title={t('sharing.compliance.refuseTitle')}
        okText={t('sharing.compliance.refuseTitle')}
        testId="sharing-compliance-refuse"
        onClose={() => setRefusing(false)}
        onConfirm={async (reason) => {
          await checkCompliance(request.id, { decision: 'refuse', comment: reason });
          setRefusing(false);
          onDone(t('sharing.refused'));
        }}
      />
    </Card>
  );
}
