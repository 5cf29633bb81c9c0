import { Alert, Button, Descriptions, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { revealCitizen, type Citizen } from '../../api/citizens';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useI18n } from '../../i18n';

interface Props {
  /** The masked citizen to reveal; the dialog is closed when undefined. */
  citizen: Citizen | undefined;
  onClose: () => void;
}

/** Asks why (查看事由), then shows the unmasked values with the note that the view was recorded (已留痕). */
export function RevealDialog({ citizen, onClose }: Props) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const [revealed, setRevealed] = useState<Citizen>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setRevealed(undefined);
    setProblem(undefined);
    form.resetFields();
  }, [citizen, form]);

  const onFinish = async ({ reason }: { reason: string }) => {
    if (!citizen) return;
    setBusy(true);
    setProblem(undefined);
    try {
      setRevealed(await revealCitizen(citizen.id, reason.trim()));
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  const footer = revealed
    ? [
        <Button key="close" type="primary" onClick={onClose}>
          {t('citizens.close')}
        </Button>,
      ]
    : [
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" loading={busy} onClick={() => form.submit()} data-testid="reveal-confirm">
          {t('citizens.revealConfirm')}
        </Button>,
      ];

  return (
    <Modal open={citizen !== undefined} title={t('citizens.revealTitle')} onCancel={onClose} footer={footer} destroyOnHidden>
      {problem && (
        <div className="work-form-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      {revealed ? (
        <div data-testid="revealed">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('citizens.realName')}>{revealed.realName}</Descriptions.Item>
            <Descriptions.Item label={t('citizens.idNumber')}>
              <span data-testid="revealed-id">{revealed.idNumber}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('citizens.phone')}>
              <span data-testid="revealed-phone">{revealed.phone}</span>
            </Descriptions.Item>
          </Descriptions>
          <Alert className="citizens-recorded" type="warning" showIcon message={t('citizens.recorded')} data-testid="reveal-recorded" />
        </div>
      ) : (
        <Form form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
          <Form.Item
            name="reason"
            label={t('citizens.reason')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('citizens.reasonRequired') }]}
          >
            <Input.TextArea rows={3} maxLength={200} showCount placeholder={t('citizens.reasonPlaceholder')} data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
