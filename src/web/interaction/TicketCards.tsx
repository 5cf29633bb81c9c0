import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { formatDateTime } from '../format';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n } from '../i18n';
import { chaseTicket, decidePublication, dispatchTicket, replyTicket, type TicketDetail } from './api';

type Done = (notice: string) => void;

/** One submit with its busy flag and problem. */
function useSubmit() {
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await work();
    } catch (error) {
      setProblem(problemOf(error));
    }
    setBusy(false);
  };
  return { problem, busy, run };
}

/** 派单: the department (the addressed one pre-filled for 部门信箱) and a note. */
export function DispatchCard({ detail, onDone }: { detail: TicketDetail; onDone: Done }) {
  const { t } = useI18n();
  const orgs = useOrgs();
  const submit = useSubmit();
  const options = useMemo(() => (orgs.data ?? []).filter((o) => o.kind === 'department' || o.kind === 'street' || o.kind === 'town').map((o) => ({ value: o.id, label: o.name })), [orgs.data]);
  return (
    <Card title={t('interaction.dispatch.title')} data-testid="ticket-dispatch-card">
      {submit.problem && <ProblemAlert problem={submit.problem} />}
      <Form<{ department: string; comment?: string }>
        layout="vertical"
        requiredMark={false}
        initialValues={{ department: detail.addressedOrgId ?? undefined }}
        onFinish={(v) => void submit.run(async () => {
          await dispatchTicket(detail.instanceId, v.department, v.comment?.trim() || undefined);
          onDone(t('interaction.dispatch.done', { name: orgs.data?.find((o) => o.id === v.department)?.name ?? '' }));
        })}
      >
        <Form.Item name="department" label={t('interaction.dispatch.department')} rules={[{ required: true, message: t('interaction.dispatch.departmentRequired') }]}>
          <Select showSearch optionFilterProp="label" options={options} loading={orgs.loading} data-testid="ticket-dispatch-department" />
        </Form.Item>
        <Form.Item name="comment" label={t('interaction.dispatch.comment')}>
          <Input.TextArea rows={2} maxLength={2000} data-testid="ticket-dispatch-comment" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.busy} data-testid="ticket-dispatch-submit">
          {t('interaction.dispatch.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 答复: the department's reply to the writer. */
export function ReplyCard({ detail, onDone }: { detail: TicketDetail; onDone: Done }) {
  const { t } = useI18n();
  const submit = useSubmit();
  return (
    <Card title={t('interaction.reply.title')} data-testid="ticket-reply-card">
      {submit.problem && <ProblemAlert problem={submit.problem} />}
      <Form<{ reply: string }>
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit.run(async () => {
          await replyTicket(detail.instanceId, v.reply.trim());
          onDone(t('interaction.reply.done'));
        })}
      >
        <Form.Item name="reply" label={t('interaction.reply.text')} rules={[{ required: true, whitespace: true, min: 5, max: 4000, message: t('interaction.reply.required') }]}>
          <Input.TextArea rows={5} maxLength={4000} showCount data-testid="ticket-reply-text" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submit.busy} data-testid="ticket-reply-submit">
          {t('interaction.reply.submit')}
        </Button>
      </Form>
    </Card>
  );
}

/** 催办: a notice to the department holding the ticket; the chases so far. */
export function ChaseCard({ detail, canChase, onDone }: { detail: TicketDetail; canChase: boolean; onDone: Done }) {
  const { t, lang } = useI18n();
  const submit = useSubmit();
  const [form] = Form.useForm<{ comment: string }>();
  if (!canChase && detail.chases.length === 0) return null;
  return (
    <Card title={t('interaction.chase.title')} data-testid="ticket-chase-card">
      {detail.chases.length > 0 && (
        <ul data-testid="ticket-chases">
          {detail.chases.map((c) => (
            <li key={c.at}>
              {formatDateTime(c.at, lang)} · {c.by}：{c.comment}
            </li>
          ))}
        </ul>
      )}
      {canChase && (
        <>
          {submit.problem && <ProblemAlert problem={submit.problem} />}
          <Form<{ comment: string }>
            form={form}
            layout="inline"
            onFinish={(v) => void submit.run(async () => {
              const r = await chaseTicket(detail.id, v.comment.trim());
              form.resetFields();
              onDone(t('interaction.chase.done', { count: r.notified }));
            })}
          >
            <Form.Item name="comment" rules={[{ required: true, whitespace: true, message: t('interaction.chase.required') }]} style={{ flex: 1 }}>
              <Input maxLength={500} placeholder={t('interaction.chase.comment')} data-testid="ticket-chase-comment" />
            </Form.Item>
            <Button htmlType="submit" loading={submit.busy} data-testid="ticket-chase-submit">
              {t('interaction.chase.submit')}
            </Button>
          </Form>
        </>
      )}
    </Card>
  );
}

/** 公开审核: once, for a closed ticket whose writer agreed. */
export function PublicationCard({ detail, onDone }: { detail: TicketDetail; onDone: Done }) {
  const { t } = useI18n();
  const submit = useSubmit();
  const decide = (approve: boolean) =>
    void submit.run(async () => {
      await decidePublication(detail.id, approve);
      onDone(t(approve ? 'interaction.publication.approved' : 'interaction.publication.refused'));
    });
  return (
    <Card title={t('interaction.publication.title')} data-testid="ticket-publication-card">
      <Typography.Paragraph type="secondary">{t('interaction.publication.hint')}</Typography.Paragraph>
      {submit.problem && <ProblemAlert problem={submit.problem} />}
      <Space>
        <Button type="primary" loading={submit.busy} onClick={() => decide(true)} data-testid="ticket-publish">
          {t('interaction.publication.approve')}
        </Button>
        <Button loading={submit.busy} onClick={() => decide(false)} data-testid="ticket-publish-refuse">
          {t('interaction.publication.refuse')}
        </Button>
      </Space>
    </Card>
  );
}
