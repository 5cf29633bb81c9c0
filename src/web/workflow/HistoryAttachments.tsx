import { attachmentUrl, type HistoryEntry } from '../api/workflow';
import { useI18n } from '../i18n';

/** 1.2 MB / 35 KB / 800 B */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** The files attached to one history entry, each a download link. */
export function HistoryAttachments({ instanceId, files }: { instanceId: string; files: HistoryEntry['attachments'] }) {
  const { lang, t } = useI18n();
  if (files.length === 0) return null;
  return (
    <div className="wf-history-files">
      <span>{t('wf.historyAttachments')}</span>
      {files.map((f) => (
        <a key={f.id} href={attachmentUrl(instanceId, f.id)} download={f.name} data-testid="history-attachment" data-file-id={f.id}>
          {lang === 'zh' ? `${f.name}（${fileSize(f.size)}）` : `${f.name} (${fileSize(f.size)})`}
        </a>
      ))}
    </div>
  );
}
