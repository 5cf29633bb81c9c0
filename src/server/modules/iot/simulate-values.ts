/**
 * Plausible readings for the simulator: a daily rhythm (traffic and noise by day, dust in the
 * morning), noise, and two scenarios that cross the demo rules.
 */
import type { Quantity } from './store';

export type Scenario = 'normal' | 'storm' | 'dust';

/** typical level, daily swing (fraction of the level) and noise (fraction) per quantity */
const typical: Record<string, [level: number, swing: number, noise: number]> = {
  pm10: [70, 0.35, 0.12],
  pm2_5: [38, 0.3, 0.12],
  noise: [56, 0.12, 0.05],
  water_level: [0.4, 0, 1],
  soil_moisture: [31, 0.03, 0.02],
  soil_temp: [14, 0.2, 0.03],
  occupied: [120, 0.5, 0.08],
  occupancy: [55, 0.45, 0.08],
  flow: [900, 0.7, 0.1],
  speed: [38, 0.25, 0.08],
};

/** A stable number in [0, 1) per device, so that each device has its own character. */
function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

const gauss = () => Math.sqrt(-2 * Math.log(1 - Math.random())) * Math.cos(2 * Math.PI * Math.random());

/** During an episode (a dusty hour on a site, a cloudburst over a gauge, a noisy night) the values cross the demo rules. */
const episodeLevel: Record<string, number> = { pm10: 210, pm2_5: 110, noise: 78, water_level: 16, speed: 8 };

export function readingFor(deviceId: string, quantities: Quantity[], at: number, scenario: Scenario, episode = false): Record<string, number> {
  const hourOfDay = ((at / 3_600_000 + 8) % 24 + 24) % 24; // Beijing time
  const day = Math.sin(((hourOfDay - 8) / 24) * 2 * Math.PI); // highest mid-afternoon
  const character = 0.8 + hash(deviceId) * 0.4;
  const values: Record<string, number> = {};
  for (const q of quantities) {
    const [level, swing, noise] = typical[q.key] ?? [(q.min + q.max) / 4, 0.1, 0.05];
    let v = level * character * (1 + swing * day) * (1 + noise * gauss());
    if (episode && episodeLevel[q.key] !== undefined) v = episodeLevel[q.key]! * (1 + 0.08 * gauss());
    if (scenario === 'storm' && q.key === 'water_level') v = 6 + hash(deviceId) * 20 + Math.abs(gauss()) * 3;
    if (scenario === 'dust' && (q.key === 'pm10' || q.key === 'pm2_5') && deviceId.endsWith('-0001')) v = (q.key === 'pm10' ? 190 : 95) * (1 + 0.1 * gauss());
    values[q.key] = Math.round(Math.min(q.max, Math.max(q.min, v)) * 10) / 10;
  }
  return values;
}
