import { Alert, Form, Input, Modal, type ButtonProps } from 'antd';
import { useEffect, useState } from 'react';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';
import { acknowledgeAlarm, clearAlarm, type Alarm } from '../api';

export type AlarmAction = 'acknowledge' | 'clear';

interface Props {
  alarm: Alarm | undefined;
  action: AlarmAction;
  onClose: () => void;
  onDone: (alarm: Alarm) => void;
}

/** 确认 (with an optional note) or 人工消除 (a note, and a warning that the condition may still hold). */
export function AlarmActionDialog({ alarm, action, onClose, onDone }: Props) {
  const { t } = useI18n();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem>();
  useEffect(() => {
    setNote('');
    setProblem(undefined);
  }, [alarm?.id, action]);

  const submit = async () => {
    if (!alarm) return;
    setBusy(true);
    setProblem(undefined);
    try {
      const done = action === 'acknowledge' ? await acknowledgeAlarm(alarm.id, note.trim()) : await clearAlarm(alarm.id, note.trim());
      onDone(done);
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const clear = action === 'clear';
  return (
    <Modal
      open={alarm !== undefined}
      title={clear ? t('iot.alarm.clearTitle') : t('iot.alarm.ackTitle')}
      okText={clear ? t('iot.alarm.clearConfirm') : t('iot.alarm.ackConfirm')}
      okButtonProps={{ danger: clear, loading: busy, 'data-testid': 'alarm-action-submit' } as ButtonProps}
      cancelText={t('iot.common.cancel')}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnClose
    >
      {alarm && (
        <p className="iot-dialog-subject">
          {alarm.deviceName}（{alarm.deviceId}）{alarm.ruleName ? ` · ${alarm.ruleName}` : ''}
        </p>
      )}
      {clear && <Alert type="warning" showIcon message={t('iot.alarm.clearHint')} className="iot-dialog-hint" />}
      <Form layout="vertical">
        <Form.Item label={t('iot.alarm.note')}>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            rows={3}
            placeholder={clear ? t('iot.alarm.clearNotePlaceholder') : t('iot.alarm.ackNotePlaceholder')}
            data-testid="alarm-action-note"
          />
        </Form.Item>
      </Form>
      {problem && <ProblemAlert problem={problem} />}
    </Modal>
  );
}
