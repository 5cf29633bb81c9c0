import { CHINA_TIME_ZONE } from '../../format';

/** Today in Beijing time as YYYY-MM-DD: the server checks periods against that day, whatever the device's zone. */
export function chinaToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: CHINA_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
