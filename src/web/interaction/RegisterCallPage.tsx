import { Card, message } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useDocumentTitle } from '../hooks/useDocumentTitle';
import { useI18n } from '../i18n';
import { LetterForm } from './LetterForm';

/** `/work/interaction/register` (centre): 登记来电 — a caller's request entered by the operator; the ticket opens after. */
export function RegisterCallPage() {
  const { t } = useI18n();
  useDocumentTitle(t('interaction.register.title'));
  const navigate = useNavigate();
  return (
    <Card title={t('interaction.register.title')} data-testid="ticket-register-page" style={{ maxWidth: 760 }}>
      <LetterForm
        mode="hotline"
        onWritten={(w) => {
          void message.success(t('interaction.register.done', { no: w.ticketNo }));
          navigate(`/work/interaction/${w.id}`);
        }}
      />
    </Card>
  );
}
