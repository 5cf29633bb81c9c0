import { useEffect, useRef, useState } from 'react';
import type { Alarm } from '../api';

/** A short two-tone beep (Web Audio; silently nothing where audio is blocked or missing). */
export function beep(): void {
  try {
    const AudioCtor = window.AudioContext;
    if (!AudioCtor) return;
    const ctx = new AudioCtor();
    [880, 660].forEach((hz, i) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.frequency.value = hz;
      gain.gain.value = 0.08;
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + i * 0.18);
      osc.stop(ctx.currentTime + i * 0.18 + 0.15);
    });
    window.setTimeout(() => void ctx.close(), 600);
  } catch {
    // no sound: the banner and the highlighted rows still show it
  }
}

/**
 * Which alarms arrived since the previous refresh (highlighted rows), and the open critical ones
 * among them (the banner, and a beep when `sound` is on). The first load of each filter (`query`)
 * only sets the baseline: opening the console or widening a filter does not ring for what was
 * already there.
 */
export function useNewAlarms(items: Alarm[] | undefined, sound: boolean, query: string): { fresh: ReadonlySet<string>; newCritical: Alarm[]; dismiss: () => void } {
  const seen = useRef<Set<string>>();
  const seenFor = useRef(query);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const [newCritical, setNewCritical] = useState<Alarm[]>([]);
  const soundRef = useRef(sound);
  soundRef.current = sound;

  useEffect(() => {
    if (!items) return;
    // the first list after a filter change is the new baseline (the previous request was aborted)
    if (seenFor.current !== query) {
      seenFor.current = query;
      seen.current = undefined;
    }
    const before = seen.current;
    seen.current = new Set([...(before ?? []), ...items.map((a) => a.id)]);
    if (!before) {
      setFresh(new Set());
      return;
    }
    const arrived = items.filter((a) => !before.has(a.id));
    setFresh(new Set(arrived.map((a) => a.id)));
    const critical = arrived.filter((a) => a.severity === 'critical' && !a.clearedAt);
    if (critical.length > 0) {
      setNewCritical((old) => [...critical, ...old].slice(0, 5));
      if (soundRef.current) beep();
    }
    // once per new list: the filter it was asked with is read then
  }, [items]);

  return { fresh, newCritical, dismiss: () => setNewCritical([]) };
}
