/** 城市感知 menu icon: a sensor sending waves (1em, currentColor), shaped like the workbench's other icons. */
export function SensorIcon({ className }: { className?: string }) {
  return (
    <span className={className ? `anticon ${className}` : 'anticon'} role="img" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" focusable="false">
        <circle cx="12" cy="12" r="2" />
        <path d="M8.5 8.5a5 5 0 0 0 0 7M15.5 8.5a5 5 0 0 1 0 7M5.5 5.5a9 9 0 0 0 0 13M18.5 5.5a9 9 0 0 1 0 13" />
      </svg>
    </span>
  );
}
