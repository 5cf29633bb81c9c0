import { Timeline, Typography } from 'antd';
import type { ProcessView } from '../api/workflow';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { HistoryAttachments } from './HistoryAttachments';
import { actionLabel } from './labels';

/** 办理记录: who did what when, the state it led to, the comment and the attachments. */
export function ProcessHistory({ view }: { view: ProcessView }) {
  const { lang, t } = useI18n();
  const fromDefinition = (action: string) => view.actions.find((a) => a.key === action)?.label;
  return (
    <Timeline
      data-testid="panel-history"
      className="wf-history"
      items={view.history.map((h, i) => ({
        key: `${h.at}-${i}`,
        color: h.action === 'withdraw' || h.action === 'suspend' ? 'gray' : i === view.history.length - 1 ? 'blue' : 'green',
        children: (
          <div className="wf-history-entry" data-testid="panel-history-entry">
            <div>
              <Typography.Text strong>{actionLabel(view.definition.key, h.action, lang, t, h.actionLabel ?? fromDefinition(h.action))}</Typography.Text>
              <Typography.Text type="secondary">{` · ${h.actorName ?? t('wf.system')} · ${formatDateTime(h.at, lang)}`}</Typography.Text>
            </div>
            <div>
              <Typography.Text type="secondary">{t('wf.historyTo')}</Typography.Text>
              {h.toLabel[lang]}
            </div>
            {h.comment && <div className="wf-history-comment">{t('wf.historyComment', { comment: h.comment })}</div>}
            <HistoryAttachments instanceId={view.id} files={h.attachments} />
          </div>
        ),
      }))}
    />
  );
}
