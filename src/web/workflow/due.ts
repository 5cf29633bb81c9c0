import type { Colour } from '../api/workflow';
import type { MessageKey, Translate } from '../i18n';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "剩余 1 天" / "已超期 2 小时": the largest whole unit (days, hours, minutes) between now and the deadline. */
export function relativeDue(dueAt: string, now: Date, t: Translate): string {
  const diff = new Date(dueAt).getTime() - now.getTime();
  const span = Math.abs(diff);
  const over = diff < 0;
  const [n, unit] = span >= DAY ? [Math.floor(span / DAY), 'Days'] : span >= HOUR ? [Math.floor(span / HOUR), 'Hours'] : [Math.max(1, Math.floor(span / MINUTE)), 'Minutes'];
  return t(`wf.due.${over ? 'over' : 'left'}${unit}` as MessageKey, { n });
}

export const COLOURS: readonly Colour[] = ['green', 'yellow', 'red', 'paused'];

export const COLOUR_LABEL: Record<Colour, MessageKey> = {
  green: 'wf.colour.green',
  yellow: 'wf.colour.yellow',
  red: 'wf.colour.red',
  paused: 'wf.colour.paused',
  none: 'wf.colour.none',
};
