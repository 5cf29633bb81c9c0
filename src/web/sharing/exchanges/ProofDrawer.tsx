import { Descriptions, Drawer, Space, Tag, Typography } from 'antd';
import { AsyncView } from '../../components/AsyncView';
import { formatDateTime } from '../../format';
import { useApi } from '../../hooks/useApi';
import { useI18n, type MessageKey } from '../../i18n';
import { fetchProof, type ExchangeProof } from '../api';

function Check({ ok, good, bad, testId }: { ok: boolean; good: MessageKey; bad: MessageKey; testId: string }) {
  const { t } = useI18n();
  return <Tag color={ok ? 'success' : 'error'} data-testid={testId} data-valid={ok}>{t(ok ? good : bad)}</Tag>;
}

const Hash = ({ value, testId }: { value: string; testId?: string }) => <span className="sharing-hash" data-testid={testId}>{value}</span>;

function Proof({ proof: p }: { proof: ExchangeProof }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Check ok={p.leafValid} good="sharing.proof.leafOk" bad="sharing.proof.leafBad" testId="proof-leaf" />
        <Check ok={p.pathValid} good="sharing.proof.pathOk" bad="sharing.proof.pathBad" testId="proof-path" />
        <Check ok={p.signatureValid} good="sharing.proof.signatureOk" bad="sharing.proof.signatureBad" testId="proof-signature" />
      </Space>
      <Typography.Paragraph type="secondary">{t('sharing.proof.explain')}</Typography.Paragraph>
      <Descriptions size="small" column={1} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('sharing.proof.exchange')}><Hash value={p.exchange.id} /></Descriptions.Item>
        <Descriptions.Item label={t('sharing.exchanges.at')}>{formatDateTime(p.exchange.at, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.common.resource')}>{p.exchange.resource.name}（{p.exchange.providerName}）</Descriptions.Item>
        <Descriptions.Item label={t('sharing.common.system')}>{p.exchange.system.name}（{p.exchange.consumerName}）</Descriptions.Item>
        <Descriptions.Item label={t('sharing.common.items')}>{p.exchange.fields.join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.exchanges.digest')}><Hash value={p.exchange.digest} /></Descriptions.Item>
        <Descriptions.Item label={t('sharing.proof.leaf')}><Hash value={p.leaf} /></Descriptions.Item>
        <Descriptions.Item label={t('sharing.proof.batch')}>{p.batch.id}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.proof.position')}>{t('sharing.proof.positionValue', { position: p.position + 1, size: p.batch.size })}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.proof.path')}>
          {p.path.length === 0 ? '—' : <ol style={{ margin: 0, paddingLeft: 20 }}>{p.path.map((h, i) => <li key={`${i}-${h}`}><Hash value={h} /></li>)}</ol>}
        </Descriptions.Item>
        <Descriptions.Item label={t('sharing.proof.root')}><Hash value={p.batch.root} /></Descriptions.Item>
        <Descriptions.Item label={t('sharing.proof.signedAt')}>{formatDateTime(p.batch.signedAt, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('sharing.proof.signature')}><Hash value={p.batch.signature} /></Descriptions.Item>
        <Descriptions.Item label={t('sharing.proof.publicKey')}><Hash value={p.batch.publicKey} /></Descriptions.Item>
      </Descriptions>
    </>
  );
}

function ProofOf({ id }: { id: string }) {
  const proof = useApi((signal) => fetchProof(id, signal), [id]);
  return <AsyncView state={proof}>{(p) => <Proof proof={p} />}</AsyncView>;
}

/** 存证 of one exchange: whether its record, its Merkle path and its batch's SM2 signature verify, with the evidence. */
export function ProofDrawer({ exchangeId, onClose }: { exchangeId: string | null; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Drawer open={exchangeId !== null} onClose={onClose} title={t('sharing.proof.title')} width={640} destroyOnHidden data-testid="proof-drawer">
      {exchangeId && <ProofOf id={exchangeId} />}
    </Drawer>
  );
}
