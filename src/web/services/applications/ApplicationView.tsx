import { Alert, Card, Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';
import type { Application } from './api';
import { MaterialsView } from './MaterialsView';
import { StatusTag } from './StatusTag';
import { ApplicationTimeline } from './Timeline';

/** One application as the applicant and the staff see it: facts, current step and deadline, notices, form, materials, timeline. */
export function ApplicationView({ application: a, extra }: { application: Application; extra?: ReactNode }) {
  const { t, lang } = useI18n();
  const due = a.current?.dueAt ? formatDateTime(a.current.dueAt, lang) : a.current?.paused ? t('apply.clockPaused') : '—';
  return (
    <div className="work-stack apply-view" data-testid="application-view" data-status={a.status}>
      <Card>
        <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
          <Descriptions.Item label={t('apply.field.businessNo')}>
            <span data-testid="application-no">{a.businessNo ?? t('apply.draftNo')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('apply.field.status')}>
            <StatusTag status={a.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('apply.field.item')}>{a.item.name}</Descriptions.Item>
          <Descriptions.Item label={t('apply.field.department')}>{a.department.name}</Descriptions.Item>
          <Descriptions.Item label={t('apply.field.applicant')}>
            {a.applicant.name}（{a.applicant.id}）
          </Descriptions.Item>
          <Descriptions.Item label={t('apply.field.channel')}>{t(a.channel === 'counter' ? 'apply.channel.counter' : 'apply.channel.online')}</Descriptions.Item>
          {a.current?.running && (
            <>
              <Descriptions.Item label={t('apply.field.current')}>
                <span data-testid="application-current">{a.current.label[lang]}</span>
              </Descriptions.Item>
              <Descriptions.Item label={t('apply.field.due')}>{due}</Descriptions.Item>
            </>
          )}
          {a.certificate && (
            <Descriptions.Item label={t('apply.field.certificate')}>
              <span data-testid="application-certificate">{a.certificate.number}</span>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {a.corrections && a.status === 'correcting' && (
        <Alert
          type="warning"
          showIcon
          data-testid="application-corrections"
          message={t('apply.corrections.title')}
          description={
            <ol>
              {a.corrections.map((c, i) => (
                <li key={i}>{c.note}</li>
              ))}
            </ol>
          }
        />
      )}
      {a.decisionReason && (a.status === 'denied' || a.status === 'not_accepted') && (
        <Alert type="error" showIcon data-testid="application-decision" message={a.decisionReason} description={a.rights} />
      )}
      {a.deemedAccepted && <Alert type="info" showIcon message={t('apply.deemedAccepted')} />}
      {extra}
      {a.formFields.length > 0 && (
        <Card title={t('apply.form.title')}>
          <Descriptions column={1} size="small" data-testid="application-answers">
            {a.formFields.map((f) => (
              <Descriptions.Item key={f.key} label={f.label[lang]}>
                {a.answers[f.key] ?? '—'}
              </Descriptions.Item>
            ))}
          </Descriptions>
        </Card>
      )}
      <Card title={t('apply.materials.title')}>
        <MaterialsView application={a} />
      </Card>
      {a.timeline.length > 0 && (
        <Card title={t('apply.timeline.title')}>
          <ApplicationTimeline entries={a.timeline} />
        </Card>
      )}
    </div>
  );
}
