import { Spin } from 'antd';
import { useApi } from '../hooks/useApi';
import { useI18n } from '../i18n';
import { fetchRequest } from './api';

/** The answer of a request: its type, text and legal basis (loaded with the request's detail). */
export function RequestAnswer({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const detail = useApi((signal) => fetchRequest(id, signal), [id]);
  if (!detail.data) return <Spin size="small" />;
  const d = detail.data;
  return (
    <div className="letter-reply" style={{ marginTop: 8, padding: 12, borderLeft: '3px solid #1677ff', background: '#f5f9ff' }} data-testid={`disclosure-answer-${d.requestNo}`}>
      <strong>{d.answerName?.[lang] ?? t('disclosure.request.answer')}</strong>
      <div style={{ whiteSpace: 'pre-wrap' }}>{d.answer}</div>
      {d.legalBasis && (
        <div className="disclosure-meta">
          {t('disclosure.request.legalBasis')}：{d.legalBasis}
        </div>
      )}
    </div>
  );
}
