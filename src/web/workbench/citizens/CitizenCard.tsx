import { Button, Card, Descriptions, Tag } from 'antd';
import type { Citizen } from '../../api/citizens';
import { useI18n } from '../../i18n';

interface Props {
  citizen: Citizen;
  canReveal: boolean;
  onReveal: (citizen: Citizen) => void;
}

/** One (masked) search result, with the reveal button for holders of personal:reveal. */
export function CitizenCard({ citizen, canReveal, onReveal }: Props) {
  const { t } = useI18n();
  return (
    <Card
      size="small"
      data-testid="citizen-result"
      title={citizen.realName}
      extra={citizen.masked && <Tag>{t('citizens.masked')}</Tag>}
      actions={
        canReveal
          ? [
              <Button key="reveal" type="link" onClick={() => onReveal(citizen)} data-testid="reveal-button">
                {t('citizens.reveal')}
              </Button>,
            ]
          : undefined
      }
    >
      <Descriptions column={{ xs: 1, sm: 2 }} size="small">
        <Descriptions.Item label={t('citizens.idNumber')}>
          <span data-testid="citizen-id">{citizen.idNumber}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('citizens.phone')}>{citizen.phone}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
