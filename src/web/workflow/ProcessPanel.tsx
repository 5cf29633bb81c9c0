import { Alert, Button, Card, message, Popconfirm, Space, type ButtonProps } from 'antd';
import { useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { claimStep, fetchProcess, withdrawProcess, type ProcessAction, type ProcessView } from '../api/workflow';
import { AsyncView } from '../components/AsyncView';
import { ProblemAlert } from '../components/ProblemAlert';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { ActionDialog } from './ActionDialog';
import { ProcessHeader } from './ProcessHeader';
import { ProcessHistory } from './ProcessHistory';
import './workflow.css';

interface Props {
  instanceId: string;
  /** Called after an action or a withdrawal went through, with a message to show (the caller usually leaves the panel). */
  onDone: (notice: string) => void;
}

/**
 * 办理面板: the generic process panel of one workflow instance — header with
 * deadline, the allowed actions (签收, 撤回, the process's own), and the history.
 * Modules embed it for their own business objects.
 */
export function ProcessPanel({ instanceId, onDone }: Props) {
  const view = useApi((signal) => fetchProcess(instanceId, signal), [instanceId]);
  return <AsyncView state={view}>{(data) => <PanelBody view={data} reload={view.reload} onDone={onDone} />}</AsyncView>;
}

function PanelBody({ view, reload, onDone }: { view: ProcessView; reload: () => void; onDone: (notice: string) => void }) {
  const { lang, t } = useI18n();
  const [open, setOpen] = useState<ProcessAction>();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState<'claim' | 'withdraw'>();

  async function run(which: 'claim' | 'withdraw', call: () => Promise<unknown>, after: () => void) {
    setBusy(which);
    setProblem(undefined);
    try {
      await call();
      after();
    } catch (error) {
      setProblem(problemOf(error));
    } finally {
      setBusy(undefined);
    }
  }

  const claimable = view.step?.claimable ?? false;
  const hasButtons = claimable || view.canWithdraw || view.actions.length > 0;
  return (
    <div className="work-stack" data-testid="process-panel" data-status={view.status}>
      <Card>
        <ProcessHeader view={view} />
        {problem && (
          <div className="work-form-error" data-testid="panel-error">
            <ProblemAlert problem={problem} />
          </div>
        )}
        {hasButtons ? (
          <Space wrap className="wf-actions" data-testid="panel-actions">
            {claimable && (
              <Button
                loading={busy === 'claim'}
                onClick={() => void run('claim', () => claimStep(view.step!.id), () => { void message.success(t('wf.claimed')); reload(); })}
                data-testid="panel-claim"
              >
                {t('wf.claim')}
              </Button>
            )}
            {view.actions.map((action) => (
              <Button key={action.key} type={action.commentRequired ? 'default' : 'primary'} danger={action.key === 'reject'} onClick={() => setOpen(action)} data-testid={`action-${action.key}`}>
                {action.label[lang]}
              </Button>
            ))}
            {view.canWithdraw && (
              <Popconfirm
                title={t('wf.withdrawConfirm')}
                okText={t('wf.withdraw')}
                cancelText={t('common.cancel')}
                okButtonProps={{ 'data-testid': 'panel-withdraw-confirm' } as ButtonProps}
                onConfirm={() => run('withdraw', () => withdrawProcess(view.id), () => onDone(t('wf.withdrawn')))}
              >
                <Button danger loading={busy === 'withdraw'} data-testid="panel-withdraw">
                  {t('wf.withdraw')}
                </Button>
              </Popconfirm>
            )}
          </Space>
        ) : (
          view.status === 'running' && <Alert type="info" showIcon message={t('wf.notYourTurn')} className="wf-actions" data-testid="panel-readonly" />
        )}
      </Card>
      <Card title={t('wf.history')}>
        <ProcessHistory view={view} />
      </Card>
      <ActionDialog
        instanceId={view.id}
        action={open}
        onClose={() => setOpen(undefined)}
        onDone={(action) => {
          setOpen(undefined);
          onDone(t('wf.actionDone', { action: action.label[lang] }));
        }}
      />
    </div>
  );
}
