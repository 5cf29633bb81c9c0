import { message } from 'antd';
import type { ProcessAction, ProcessView } from '../api/workflow';
import { useI18n } from '../i18n';
import { ActionDialog } from './ActionDialog';
import { ExtensionDialog } from './ExtensionDialog';
import { GiveDialog, type GiveTarget } from './GiveDialog';
import { SuspendDialog } from './SuspendDialog';

/** The one dialog of the panel that is open. */
export type PanelDialog = { kind: 'action'; action: ProcessAction } | { kind: 'give'; target: GiveTarget } | { kind: 'extend'; stepId: string } | { kind: 'suspend' };

interface Props {
  view: ProcessView;
  dialog: PanelDialog | undefined;
  close: () => void;
  reload: () => void;
  /** The step left this user's hands: leave the panel with a message. */
  onDone: (notice: string) => void;
}

/** The panel's dialogs: an action, 转办/指派, 申请延期, 挂起. */
export function PanelDialogs({ view, dialog, close, reload, onDone }: Props) {
  const { lang, t } = useI18n();
  const stay = (notice: string) => {
    close();
    void message.success(notice);
    reload();
  };
  return (
    <>
      <ActionDialog
        instanceId={view.id}
        action={dialog?.kind === 'action' ? dialog.action : undefined}
        onClose={close}
        onDone={(action) => {
          close();
          onDone(t('wf.actionDone', { action: action.label[lang] }));
        }}
      />
      <GiveDialog
        target={dialog?.kind === 'give' ? dialog.target : undefined}
        onClose={close}
        onDone={(notice) => {
          // a step that was mine is gone from my hands: back to the inbox; otherwise follow the process here
          const wasMine = dialog?.kind === 'give' && view.steps.some((s) => s.id === dialog.target.stepId && s.mine);
          if (wasMine) {
            close();
            onDone(notice);
          } else stay(notice);
        }}
      />
      <ExtensionDialog stepId={dialog?.kind === 'extend' ? dialog.stepId : undefined} onClose={close} onDone={() => stay(t('wf.extend.sent'))} />
      <SuspendDialog instanceId={view.id} open={dialog?.kind === 'suspend'} onClose={close} onDone={() => stay(t('wf.suspend.done'))} />
    </>
  );
}
