import { Timeline as AntTimeline, Typography } from 'antd';
import { formatDateTime } from '../../format';
import { useI18n } from '../../i18n';

interface Entry {
  action: string;
  label: { zh: string; en: string };
  state: { zh: string; en: string };
  at: string;
  comment: string | null;
}

/** 办理进度: each step with its time (and, for the applicant, the reasons and corrections given); no staff names. */
export function ApplicationTimeline({ entries }: { entries: Entry[] }) {
  const { lang } = useI18n();
  return (
    <AntTimeline
      data-testid="application-timeline"
      items={entries.map((e, i) => ({
        key: `${i}-${e.action}`,
        color: e.action === 'reject' || e.action === 'deny' ? 'red' : e.action === 'request_correction' ? 'orange' : 'blue',
        children: (
          <div data-testid={`timeline-${e.action}`}>
            <strong>{e.label[lang]}</strong> → {e.state[lang]}
            <div>
              <Typography.Text type="secondary">{formatDateTime(e.at, lang)}</Typography.Text>
            </div>
            {e.comment && <div className="apply-comment">{e.comment}</div>}
          </div>
        ),
      }))}
    />
  );
}
