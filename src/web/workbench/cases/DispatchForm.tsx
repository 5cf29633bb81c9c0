import { Button, Card, Form, Input, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { dispatchCase, type CaseDetail } from '../../api/cases';
import { problemOf, type Problem } from '../../api/problem';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useOrgs } from '../../hooks/useOrgs';
import { useI18n } from '../../i18n';
import { kindLabel } from '../../orgs/kinds';

const KINDS = ['department', 'street', 'town'] as const;

interface Values {
  department: string;
  comment?: string;
}

/**
 * 派遣: the handling unit — pre-filled with the class's responsible department, else the
 * street or town of the place (属地) — and a comment; the case goes to 处置中 there.
 */
export function DispatchForm({ detail, onDone }: { detail: CaseDetail; onDone: (notice: string) => void }) {
  const { t } = useI18n();
  const orgs = useOrgs();
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const options = useMemo(
    () =>
      KINDS.map((kind) => ({
        label: kindLabel(t, kind),
        options: (orgs.data ?? []).filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: o.name })),
      })).filter((g) => g.options.length > 0),
    [orgs.data, t],
  );
  const suggested = orgs.data?.find((o) => o.id === detail.suggestedDepartmentId);

  const onFinish = async (v: Values) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await dispatchCase(detail.instanceId, v.department, v.comment?.trim() || undefined);
      const name = orgs.data?.find((o) => o.id === v.department)?.name ?? '';
      onDone(t('cases.dispatch.done', { name }));
    } catch (error) {
      setProblem(problemOf(error));
      setBusy(false);
    }
  };

  return (
    <Card title={t('cases.dispatch.title')} data-testid="dispatch-card">
      {suggested && (
        <Typography.Paragraph type="secondary" data-testid="dispatch-suggested">
          {t('cases.dispatch.suggested', { name: suggested.name })}
        </Typography.Paragraph>
      )}
      {problem && (
        <div className="work-form-error" data-testid="dispatch-error">
          <ProblemAlert problem={problem} />
        </div>
      )}
      <Form<Values> layout="vertical" className="work-narrow-form" requiredMark={false} initialValues={{ department: detail.suggestedDepartmentId ?? undefined }} onFinish={(v) => void onFinish(v)}>
        <Form.Item name="department" label={t('cases.dispatch.department')} rules={[{ required: true, message: t('cases.dispatch.departmentRequired') }]}>
          <Select showSearch optionFilterProp="label" options={options} loading={orgs.loading} placeholder={t('cases.dispatch.departmentPlaceholder')} data-testid="dispatch-department" />
        </Form.Item>
        <Form.Item name="comment" label={t('cases.dispatch.comment')}>
          <Input.TextArea rows={2} maxLength={2000} placeholder={t('cases.dispatch.commentPlaceholder')} data-testid="dispatch-comment" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="dispatch-submit">
          {t('cases.dispatch.submit')}
        </Button>
      </Form>
    </Card>
  );
}
