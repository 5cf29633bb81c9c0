import { Descriptions, Space, Tag } from 'antd';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { ticketFileUrl, type TicketDetail } from './api';
import { TicketState } from './states';

/** 来信内容: the letter as written, the writer (phone masked), limits, publication wish, attachments, the reply. */
export function TicketFacts({ detail: d }: { detail: TicketDetail }) {
  const { t, lang } = useI18n();
  const files = (phase: string) => d.files.filter((f) => f.phase === phase);
  const fileLinks = (phase: string) => (
    <Space wrap>
      {files(phase).map((f) => (
        <a key={f.fileId} href={ticketFileUrl(d.id, f.fileId)} target="_blank" rel="noreferrer">
          {f.name}
        </a>
      ))}
    </Space>
  );
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2 }} bordered data-testid="ticket-facts">
        <Descriptions.Item label={t('interaction.ticketNo')}>
          <span data-testid="ticket-no">{d.ticketNo}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('interaction.status')}>
          <TicketState state={d.status} testId="ticket-status" />
          {d.redoCount > 0 && <Tag>{t('interaction.detail.redo', { count: d.redoCount })}</Tag>}
          {d.returnCount > 0 && <Tag>{t('interaction.detail.returned', { count: d.returnCount })}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('interaction.kind')}>{d.kindName[lang]}</Descriptions.Item>
        <Descriptions.Item label={t('interaction.detail.channel')}>{t(d.channel === 'hotline' ? 'interaction.channel.hotline' : 'interaction.channel.portal')}</Descriptions.Item>
        <Descriptions.Item label={t('interaction.detail.writer')}>{d.anonymous ? `${t('interaction.detail.anonymous')}${d.writerName ? ` · ${d.writerName}` : ''}` : (d.writerName ?? '—')}</Descriptions.Item>
        <Descriptions.Item label={t('interaction.detail.phone')}>{d.writerPhone ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('interaction.writtenAt')}>{formatDateTime(d.writtenAt, lang)}</Descriptions.Item>
        <Descriptions.Item label={t('interaction.detail.limit')}>{t('interaction.detail.limitDays', { days: d.limitDays })}</Descriptions.Item>
        {d.addressedTo && <Descriptions.Item label={t('interaction.detail.addressedTo')}>{d.addressedTo}</Descriptions.Item>}
        <Descriptions.Item label={t('interaction.department')}>
          <span data-testid="ticket-department">{d.department ?? '—'}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('interaction.detail.publicWish')}>
          {t(d.publicWish ? 'interaction.detail.wishYes' : 'interaction.detail.wishNo')}
          {d.publication && <Tag style={{ marginLeft: 8 }} data-testid="ticket-publication">{t(d.publication === 'approved' ? 'interaction.publication.approved' : 'interaction.publication.refused')}</Tag>}
        </Descriptions.Item>
        <Descriptions.Item label={t('interaction.title')} span={2}>
          <strong>{d.title}</strong>
        </Descriptions.Item>
        <Descriptions.Item label={t('interaction.form.content')} span={2}>
          <div className="letter-text" data-testid="ticket-content">
            {d.content}
          </div>
        </Descriptions.Item>
        {files('letter').length > 0 && (
          <Descriptions.Item label={t('interaction.detail.files')} span={2}>
            {fileLinks('letter')}
          </Descriptions.Item>
        )}
      </Descriptions>
      {d.reply && (
        <div className="letter-reply" data-testid="ticket-reply">
          <strong>{t('interaction.detail.reply')}</strong>
          {d.repliedAt && <span className="letter-meta"> · {formatDateTime(d.repliedAt, lang)}</span>}
          {d.satisfaction && <Tag style={{ marginLeft: 8 }}>{t(d.satisfaction === 'satisfied' ? 'interaction.detail.satisfied' : 'interaction.detail.unsatisfied')}</Tag>}
          <div>{d.reply}</div>
          {files('reply').length > 0 && fileLinks('reply')}
        </div>
      )}
    </>
  );
}
