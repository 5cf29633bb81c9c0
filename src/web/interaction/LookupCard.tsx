import { Alert, Button, Card, Form, Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../i18n';
import { lookUp, type LookedUp } from './api';
import { TicketState } from './states';

/** 查询答复: anonymous writers find their ticket with its number and the phone number they gave. */
export function LookupCard() {
  const { t } = useI18n();
  const [found, setFound] = useState<LookedUp | null>();
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: { ticketNo: string; phone: string }) => {
    setBusy(true);
    try {
      setFound(await lookUp(v.ticketNo.trim().toUpperCase(), v.phone.replace(/\s/g, '')));
    } catch {
      // a wrong number and a wrong phone look the same (404): say "not found"
      setFound(null);
    }
    setBusy(false);
  };
  return (
    <Card title={t('interaction.nav.lookup')} style={{ marginTop: 16 }} data-testid="lookup-card">
      <Form layout="inline" onFinish={(v) => void onFinish(v)} requiredMark={false}>
        <Form.Item name="ticketNo" rules={[{ required: true, pattern: /^XJ\d{13}$/i, message: t('interaction.lookup.ticketNo') }]}>
          <Input placeholder={t('interaction.lookup.ticketNo')} maxLength={15} data-testid="lookup-no" />
        </Form.Item>
        <Form.Item name="phone" rules={[{ required: true, message: t('interaction.form.phoneRequired') }]}>
          <Input placeholder={t('interaction.form.phone')} inputMode="tel" maxLength={20} data-testid="lookup-phone" />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="lookup-submit">
          {t('interaction.lookup.submit')}
        </Button>
      </Form>
      {found === null && <Alert type="warning" showIcon message={t('interaction.lookup.notFound')} style={{ marginTop: 12 }} data-testid="lookup-none" />}
      {found && (
        <div style={{ marginTop: 12 }} data-testid="lookup-found">
          <strong>{found.title}</strong> <TicketState state={found.status} />
          <div className="letter-reply">{found.reply ?? t('interaction.mine.noReply')}</div>
        </div>
      )}
    </Card>
  );
}
