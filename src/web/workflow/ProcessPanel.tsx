import { Card } from 'antd';
import { useState } from 'react';
import { fetchProcess, type ProcessView } from '../api/workflow';
import { useCan } from '../auth';
import { AsyncView } from '../components/AsyncView';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { CountersignSteps } from './CountersignSteps';
import { PanelActions } from './PanelActions';
import { PanelDialogs, type PanelDialog } from './PanelDialogs';
import { ProcessHeader } from './ProcessHeader';
import { ProcessHistory } from './ProcessHistory';
import './workflow.css';

interface Props {
  instanceId: string;
  /** Called after an action or a withdrawal went through, with a message to show (the caller usually leaves the panel). */
  onDone: (notice: string) => void;
}

/**
 * 办理面板: the generic process panel of one workflow instance — header with deadline (and
 * 已挂起), the allowed actions (签收, the process's own, 退回, 会签, 转办, 指派, 延期, 挂起/恢复,
 * 撤回), the organisations of a countersign, and the history with its attachments.
 * Modules embed it for their own business objects.
 */
export function ProcessPanel({ instanceId, onDone }: Props) {
  const view = useApi((signal) => fetchProcess(instanceId, signal), [instanceId]);
  return <AsyncView state={view}>{(data) => <PanelBody view={data} reload={view.reload} onDone={onDone} />}</AsyncView>;
}

function PanelBody({ view, reload, onDone }: { view: ProcessView; reload: () => void; onDone: (notice: string) => void }) {
  const { t } = useI18n();
  const canAssign = useCan('workflow:assign');
  const [dialog, setDialog] = useState<PanelDialog>();
  const running = view.status === 'running';
  return (
    <div className="work-stack" data-testid="process-panel" data-status={view.status} data-suspended={view.suspended ? 'true' : 'false'}>
      <Card>
        <ProcessHeader view={view} />
        <PanelActions view={view} reload={reload} onDone={onDone} open={setDialog} />
        {running && (
          <CountersignSteps
            view={view}
            onAssign={canAssign ? (step) => setDialog({ kind: 'give', target: { kind: 'assign', stepId: step.id, reassign: step.assigneeId !== null } }) : undefined}
          />
        )}
      </Card>
      <Card title={t('wf.history')}>
        <ProcessHistory view={view} />
      </Card>
      <PanelDialogs view={view} dialog={dialog} close={() => setDialog(undefined)} reload={reload} onDone={onDone} />
    </div>
  );
}
