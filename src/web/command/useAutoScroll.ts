import { useEffect, useRef } from 'react';

const STEP_MS = 60;
const REST_MS = 3000;

/**
 * Scrolls an overflowing element down a pixel at a time and back to the top after a rest at the
 * bottom. Stops while the pointer is over it or focus is inside, and for people who ask for reduced
 * motion. `active`: the element is rendered.
 */
export function useAutoScroll<T extends HTMLElement>(active: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const el = ref.current;
    if (!active || !el || window.matchMedia?.('(prefers-reduced-motion: reduce)').matches) return undefined;
    let hovered = false;
    let focused = false;
    let restUntil = Date.now() + REST_MS;
    const timer = window.setInterval(() => {
      if (hovered || focused || Date.now() < restUntil || el.scrollHeight <= el.clientHeight + 1) return;
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) {
        el.scrollTop = 0;
        restUntil = Date.now() + REST_MS;
      } else {
        el.scrollTop += 1;
        if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) restUntil = Date.now() + REST_MS;
      }
    }, STEP_MS);
    const enter = () => (hovered = true);
    const leave = () => (hovered = false);
    const focusIn = () => (focused = true);
    const focusOut = (e: FocusEvent) => (focused = el.contains(e.relatedTarget as Node | null));
    el.addEventListener('pointerenter', enter);
    el.addEventListener('pointerleave', leave);
    el.addEventListener('focusin', focusIn);
    el.addEventListener('focusout', focusOut);
    return () => {
      window.clearInterval(timer);
      el.removeEventListener('pointerenter', enter);
      el.removeEventListener('pointerleave', leave);
      el.removeEventListener('focusin', focusIn);
      el.removeEventListener('focusout', focusOut);
    };
  }, [active]);
  return ref;
}
