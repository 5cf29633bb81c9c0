/** 城市管理 menu icon: a map pin (1em, currentColor), shaped like the workbench's other icons. */
export function CityIcon({ className }: { className?: string }) {
  return (
    <span className={className ? `anticon ${className}` : 'anticon'} role="img" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" focusable="false">
        <path d="M12 21s-7-6.2-7-11.5a7 7 0 0 1 14 0C19 14.8 12 21 12 21z" />
        <circle cx="12" cy="9.5" r="2.5" />
      </svg>
    </span>
  );
}
