import { Descriptions, Tag, Typography } from 'antd';
import type { ProcessView } from '../api/workflow';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { DueText } from './DueText';
import { statusLabel } from './labels';

const STATUS_COLOUR: Record<string, string> = { running: 'processing', ended: 'success', withdrawn: 'default' };

/** Title, business number, process, current state, status (and 已挂起) and deadline of one instance. */
export function ProcessHeader({ view }: { view: ProcessView }) {
  const { lang, t } = useI18n();
  const running = view.status === 'running';
  return (
    <div className="wf-header">
      <Typography.Title level={3} className="wf-title" data-testid="panel-title">
        {view.title}
      </Typography.Title>
      <Descriptions column={{ xs: 1, sm: 2, xl: 3 }} size="small" className="wf-facts">
        <Descriptions.Item label={t('wf.businessNo')}>
          <span data-testid="panel-business-no">{view.businessNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('wf.process')}>{view.definition.name[lang]}</Descriptions.Item>
        <Descriptions.Item label={t('wf.state')}>
          <Tag color="blue" data-testid="panel-state">
            {view.stateLabel[lang]}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('wf.statusLabel')}>
          <Tag color={STATUS_COLOUR[view.status] ?? 'default'} data-testid="panel-status">
            {statusLabel(view.status, t)}
          </Tag>
          {view.suspended && (
            <Tag color="warning" className="wf-suspended-tag" data-testid="panel-suspended">
              {t('wf.suspended')}
            </Tag>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('wf.startedAt')}>{formatDateTime(view.startedAt, lang)}</Descriptions.Item>
        {running && (
          <Descriptions.Item label={t('wf.stepDue')}>
            <span data-testid="panel-due">
              <DueText dueAt={view.step?.dueAt ?? null} colour={view.step?.colour ?? 'none'} paused={view.paused} />
            </span>
          </Descriptions.Item>
        )}
        {running && view.dueAt && (
          <Descriptions.Item label={t('wf.processDue')}>{formatDateTime(view.dueAt, lang)}</Descriptions.Item>
        )}
      </Descriptions>
    </div>
  );
}
