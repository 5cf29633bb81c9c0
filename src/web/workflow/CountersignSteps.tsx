import { Button, List, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import type { ProcessView } from '../api/workflow';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n } from '../i18n';
import { DueText } from './DueText';

type Step = ProcessView['steps'][number];

interface Props {
  view: ProcessView;
  /** Offered to holders of workflow:assign: 指派/改派 one organisation's step. */
  onAssign?: (step: Step) => void;
}

/** 会签/或签: the mode, and one line per organisation still to answer, with its deadline and colour. */
export function CountersignSteps({ view, onAssign }: Props) {
  const { lang, t } = useI18n();
  const orgs = useOrgs();
  const names = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o.name])), [orgs.data]);
  if (!view.countersign) return null;
  const mode = view.countersign.mode;
  return (
    <div className="wf-countersign" data-testid="panel-countersign" data-mode={mode}>
      <Typography.Text strong>
        <Tag color={mode === 'all' ? 'purple' : 'cyan'} data-testid="panel-countersign-mode">
          {t(mode === 'all' ? 'wf.countersign.all' : 'wf.countersign.any')}
        </Tag>
        {view.stateLabel[lang]}
      </Typography.Text>
      <List
        size="small"
        dataSource={view.steps}
        rowKey="id"
        renderItem={(step) => (
          <List.Item
            data-testid="panel-countersign-step"
            data-colour={step.colour}
            actions={
              onAssign
                ? [
                    <Button key="assign" size="small" onClick={() => onAssign(step)} data-testid={`countersign-assign-${step.id}`}>
                      {step.assigneeId ? t('wf.reassign') : t('wf.assign')}
                    </Button>,
                  ]
                : []
            }
          >
            <div className="wf-countersign-step">
              <span className="wf-countersign-org">{names.get(step.orgId) ?? step.orgId}</span>
              {step.mine && <Tag color="blue">{t('wf.countersign.mine')}</Tag>}
              {step.assigneeId && !step.mine && <Tag>{t('wf.countersign.assigned')}</Tag>}
              <DueText dueAt={step.dueAt} colour={step.colour} paused={view.paused} />
            </div>
          </List.Item>
        )}
      />
    </div>
  );
}
