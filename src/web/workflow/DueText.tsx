import { Tag } from 'antd';
import type { Colour } from '../api/workflow';
import { formatDateTime } from '../format';
import { useNow } from '../hooks/useNow';
import { useI18n } from '../i18n';
import { COLOUR_LABEL, relativeDue } from './due';

/** A coloured dot (green on track, yellow near the deadline, red overdue, grey paused or no deadline). */
export function ColourDot({ colour }: { colour: Colour }) {
  const { t } = useI18n();
  return <span className={`wf-dot wf-dot-${colour}`} role="img" aria-label={t(COLOUR_LABEL[colour])} data-colour={colour} />;
}

interface Props {
  dueAt: string | null;
  colour: Colour;
  paused: boolean;
}

/** Deadline in Beijing time with the time left or overdue (剩余 1 天 / 已超期 2 小时), or 暂停计时. */
export function DueText({ dueAt, colour, paused }: Props) {
  const { lang, t } = useI18n();
  const now = useNow(60_000);
  if (!dueAt) return <span className="wf-due">{t('wf.due.none')}</span>;
  return (
    <span className="wf-due">
      <ColourDot colour={colour} />
      <span>{formatDateTime(dueAt, lang)}</span>
      {paused ? (
        <Tag className="wf-paused-tag">{t('wf.colour.paused')}</Tag>
      ) : (
        <span className={`wf-due-rel wf-due-${colour}`}>{relativeDue(dueAt, now, t)}</span>
      )}
    </span>
  );
}
