import { StateTag } from '../cases/StateTag';
import { useNow } from '../hooks/useNow';
import { useI18n, type Translate } from '../i18n';
import { caseHref } from './OpsMap';
import type { RecentCase } from './stats';
import { useAutoScroll } from './useAutoScroll';

/** How many of the latest open cases the list shows. */
const LIMIT = 50;

/** Time since reporting, in minutes (hours and minutes after an hour, days after a day). */
export function sinceReported(t: Translate, reportedAt: string, now: number): string {
  const minutes = Math.max(0, Math.floor((now - new Date(reportedAt).getTime()) / 60_000));
  if (minutes < 1) return t('command.ops.justNow');
  if (minutes < 60) return t('command.ops.minutesAgo', { n: minutes });
  if (minutes < 24 * 60) return t('command.ops.hoursAgo', { h: Math.floor(minutes / 60), m: minutes % 60 });
  return t('command.ops.daysAgo', { n: Math.floor(minutes / (24 * 60)) });
}

/** The latest open cases, newest first, scrolling slowly by themselves (paused under the pointer or focus). */
export function LatestCases({ cases }: { cases: readonly RecentCase[] }) {
  const { t } = useI18n();
  const now = useNow(30_000).getTime();
  const shown = cases.slice(0, LIMIT);
  const scroller = useAutoScroll<HTMLOListElement>(shown.length > 0);
  if (shown.length === 0) return <p className="ops-empty">{t('command.ops.latestEmpty')}</p>;
  return (
    <ol className="ops-latest" data-testid="command-latest-list" ref={scroller} tabIndex={0}>
      {shown.map((c) => (
        <li key={c.id} className={c.urgent ? 'ops-latest-item ops-latest-urgent' : 'ops-latest-item'} data-case-no={c.caseNo}>
          <a href={caseHref(c.id)} target="_blank" rel="noopener noreferrer" title={t('command.ops.openCase', { caseNo: c.caseNo })}>
            <span className="ops-latest-no">{c.caseNo}</span>
            <span className="ops-latest-class">
              {c.urgent && <em className="ops-latest-flag">{t('command.ops.urgent')}</em>}
              {c.className}
            </span>
            <StateTag state={c.status} />
            <time className="ops-latest-ago" dateTime={c.reportedAt}>
              {sinceReported(t, c.reportedAt, now)}
            </time>
          </a>
        </li>
      ))}
    </ol>
  );
}
