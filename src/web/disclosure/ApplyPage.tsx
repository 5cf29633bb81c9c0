import { Alert, Button, Card, Form, Input, Result, Select } from 'antd';
import { useMemo, useState } from 'react';
import { problemOf, type Problem } from '../api/problem';
import { useAuth } from '../auth';
import { ButtonLink } from '../components/ButtonLink';
import { ProblemAlert } from '../components/ProblemAlert';
import { useOrgs } from '../hooks/useOrgs';
import { useI18n, type MessageKey } from '../i18n';
import { fileRequest, type RequestBody } from './api';
import { DisclosureShell } from './DisclosureShell';

const DELIVERIES = ['online', 'email', 'post', 'pickup'] as const;

/** `/disclosure/apply` (signed in): 依申请公开 — agency, the information, purpose, delivery. */
export function ApplyPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const orgs = useOrgs();
  const [form] = Form.useForm<RequestBody>();
  const delivery = Form.useWatch('delivery', form);
  const [problem, setProblem] = useState<Problem>();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const agencies = useMemo(() => (orgs.data ?? []).filter((o) => ['district', 'department', 'street', 'town'].includes(o.kind)).map((o) => ({ value: o.id, label: o.name })), [orgs.data]);
  const needsContact = delivery === 'email' || delivery === 'post';
  const onFinish = async (v: RequestBody) => {
    setBusy(true);
    setProblem(undefined);
    try {
      const r = await fileRequest({ ...v, description: v.description.trim(), purpose: v.purpose.trim(), ...(v.contact?.trim() ? { contact: v.contact.trim() } : {}) });
      setDone(r.requestNo);
    } catch (error) {
      setProblem(problemOf(error));
    }
    setBusy(false);
  };
  return (
    <DisclosureShell title={t('disclosure.apply.title')} signedIn testId="disclosure-apply-page">
      {done ? (
        <Result status="success" title={<span data-testid="disclosure-apply-done">{t('disclosure.apply.done', { no: done })}</span>} extra={<ButtonLink type="primary" to="/me/disclosure">{t('disclosure.nav.mine')}</ButtonLink>} />
      ) : (
        <Card>
          <Alert type="info" showIcon message={t('disclosure.apply.intro')} style={{ marginBottom: 16 }} />
          {me && <p>{t('disclosure.apply.applicant', { name: me.displayName })}</p>}
          <Form<RequestBody> form={form} layout="vertical" requiredMark={false} initialValues={{ delivery: 'online' }} onFinish={(v) => void onFinish(v)} onValuesChange={() => setProblem(undefined)} data-testid="disclosure-apply-form">
            <Form.Item name="org" label={t('disclosure.apply.org')} rules={[{ required: true, message: t('disclosure.apply.orgRequired') }]}>
              <Select showSearch optionFilterProp="label" options={agencies} loading={orgs.loading} data-testid="disclosure-apply-org" />
            </Form.Item>
            <Form.Item name="description" label={t('disclosure.apply.description')} extra={t('disclosure.apply.descriptionHint')} rules={[{ required: true, whitespace: true, message: t('disclosure.apply.descriptionRequired') }]}>
              <Input.TextArea rows={4} maxLength={2000} showCount data-testid="disclosure-apply-description" />
            </Form.Item>
            <Form.Item name="purpose" label={t('disclosure.apply.purpose')} rules={[{ required: true, whitespace: true, message: t('disclosure.apply.purposeRequired') }]}>
              <Input maxLength={500} data-testid="disclosure-apply-purpose" />
            </Form.Item>
            <Form.Item name="delivery" label={t('disclosure.apply.delivery')}>
              <Select options={DELIVERIES.map((d) => ({ value: d, label: t(`disclosure.apply.delivery.${d}` as MessageKey) }))} data-testid="disclosure-apply-delivery" />
            </Form.Item>
            {needsContact && (
              <Form.Item name="contact" label={t('disclosure.apply.contact')} rules={[{ required: true, whitespace: true, message: t('disclosure.apply.contactRequired') }]}>
                <Input maxLength={200} data-testid="disclosure-apply-contact" />
              </Form.Item>
            )}
            {problem && <ProblemAlert problem={problem} />}
            <Button type="primary" htmlType="submit" size="large" block loading={busy} data-testid="disclosure-apply-submit">
              {t('disclosure.apply.submit')}
            </Button>
          </Form>
        </Card>
      )}
    </DisclosureShell>
  );
}
