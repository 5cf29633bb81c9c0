import { Alert, Button, Popconfirm, Space, message, type ButtonProps } from 'antd';
import { useState } from 'react';
import { claimStep, resumeProcess, withdrawProcess, type ProcessView } from '../api/workflow';
import { useCan } from '../auth';
import { useI18n } from '../i18n';
import { DialogProblem } from './DialogProblem';
import type { PanelDialog } from './PanelDialogs';
import { useCall } from './useCall';

interface Props {
  view: ProcessView;
  reload: () => void;
  onDone: (notice: string) => void;
  open: (dialog: PanelDialog) => void;
}

/**
 * The buttons of the panel: 签收, the process's actions, 转办, 申请延期, 撤回 for whoever works
 * on it; 指派/改派 and 挂起/恢复 for those who hold the permission.
 */
export function PanelActions({ view, reload, onDone, open }: Props) {
  const { lang, t } = useI18n();
  const canAssign = useCan('workflow:assign');
  const canSuspend = useCan('workflow:suspend');
  const call = useCall();
  const [busy, setBusy] = useState<'claim' | 'withdraw' | 'resume'>();
  const run = async (which: 'claim' | 'withdraw' | 'resume', fn: () => Promise<unknown>, after: () => void) => {
    setBusy(which);
    if (await call.run(fn)) after();
    setBusy(undefined);
  };

  const running = view.status === 'running';
  const step = view.step;
  const mine = step?.mine ?? false;
  const claimable = step?.claimable ?? false;
  // in a countersign each organisation's step is assigned from its own line
  const assignable = canAssign && running && step !== null && !view.countersign;
  const working = claimable || mine || view.actions.length > 0 || view.canWithdraw || view.canExtend;
  const supervising = assignable || (canSuspend && running);

  return (
    <>
      <DialogProblem problem={call.problem} testId="panel-error" />
      {(working || supervising) && (
        <Space wrap className="wf-actions" data-testid="panel-actions">
          {claimable && (
            <Button loading={busy === 'claim'} onClick={() => void run('claim', () => claimStep(step!.id), () => { void message.success(t('wf.claimed')); reload(); })} data-testid="panel-claim">
              {t('wf.claim')}
            </Button>
          )}
          {view.actions.map((action) => (
            <Button key={action.key} type={action.commentRequired ? 'default' : 'primary'} danger={action.key === 'reject'} onClick={() => open({ kind: 'action', action })} data-testid={`action-${action.key}`}>
              {action.label[lang]}
            </Button>
          ))}
          {mine && (
            <Button onClick={() => open({ kind: 'give', target: { kind: 'handover', stepId: step!.id, reassign: false } })} data-testid="panel-handover">
              {t('wf.handover')}
            </Button>
          )}
          {assignable && (
            <Button onClick={() => open({ kind: 'give', target: { kind: 'assign', stepId: step!.id, reassign: step!.assigneeId !== null } })} data-testid="panel-assign">
              {step!.assigneeId ? t('wf.reassign') : t('wf.assign')}
            </Button>
          )}
          {view.canExtend && step && (
            <Button onClick={() => open({ kind: 'extend', stepId: step.id })} data-testid="panel-extend">
              {t('wf.extend')}
            </Button>
          )}
          {canSuspend && running && !view.suspended && (
            <Button onClick={() => open({ kind: 'suspend' })} data-testid="panel-suspend">
              {t('wf.suspend')}
            </Button>
          )}
          {canSuspend && running && view.suspended && (
            <Popconfirm
              title={t('wf.resume.confirm')}
              okText={t('wf.resume')}
              cancelText={t('common.cancel')}
              okButtonProps={{ 'data-testid': 'panel-resume-confirm' } as ButtonProps}
              onConfirm={() => run('resume', () => resumeProcess(view.id), () => { void message.success(t('wf.resume.done')); reload(); })}
            >
              <Button type="primary" loading={busy === 'resume'} data-testid="panel-resume">
                {t('wf.resume')}
              </Button>
            </Popconfirm>
          )}
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
      )}
      {view.suspended && running && <Alert type="warning" showIcon message={t('wf.suspendedNotice')} className="wf-notice" data-testid="panel-suspended-notice" />}
      {!working && running && !view.suspended && <Alert type="info" showIcon message={t('wf.notYourTurn')} className="wf-notice" data-testid="panel-readonly" />}
    </>
  );
}
