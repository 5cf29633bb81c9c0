import { Alert, Button, Card, Checkbox, Space, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../i18n';
import { decideRequest, type ShareRequest } from '../api';
import { ReasonDialog } from '../ReasonDialog';

interface Props {
  request: ShareRequest;
  onDone: (notice: string) => void;
  onError: (error: unknown) => void;
}

/** 提供部门审核: grant the requested items (all ticked at first; fewer may be granted) or refuse with reasons. */
export function DecisionCard({ request, onDone, onError }: Props) {
  const { t } = useI18n();
  const [fields, setFields] = useState<string[]>(request.fields);
  const [busy, setBusy] = useState(false);
  const [refusing, setRefusing] = useState(false);
  const grant = async () => {
    setBusy(true);
    try {
      await decideRequest(request.id, { decision: 'grant', fields });
      onDone(t('sharing.decision.granted'));
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('sharing.decision.title')} data-testid="sharing-decision">
      <Typography.Paragraph type="secondary">{t('sharing.decision.hint')}</Typography.Paragraph>
      <div style={{ marginBottom: 12 }}>
        <Checkbox.Group value={fields} onChange={(v) => setFields(v.map(String))} data-testid="sharing-decision-fields">
          <Space wrap>
            {request.fields.map((f) => <Checkbox key={f} value={f}>{f}</Checkbox>)}
          </Space>
        </Checkbox.Group>
      </div>
      {fields.length === 0 && <Alert type="warning" showIcon message={t('sharing.decision.fieldsRequired')} style={{ marginBottom: 12 }} />}
      <Space wrap>
        <Button type="primary" loading={busy} disabled={fields.length === 0} onClick={() => void grant()} data-testid="sharing-decision-grant">{t('sharing.decision.grant')}</Button>
        <Button danger disabled={busy} onClick={() => setRefusing(true)} data-testid="sharing-decision-refuse">{t('sharing.decision.refuse')}</Button>
      </Space>
      <ReasonDialog
        open={refusing}
        title={t('sharing.decision.refuseTitle')}
        okText={t('sharing.decision.refuseTitle')}
        testId="sharing-decision-refuse"
        onClose={() => setRefusing(false)}
        onConfirm={async (reason) => {
          await decideRequest(request.id, { decision: 'refuse', comment: reason });
          setRefusing(false);
          onDone(t('sharing.refused'));
        }}
      />
    </Card>
  );
}
