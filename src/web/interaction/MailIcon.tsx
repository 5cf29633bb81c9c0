/** 政民互动 menu icon: a letter (1em, currentColor), shaped like the workbench's other icons. */
export function MailIcon({ className }: { className?: string }) {
  return (
    <span className={className ? `anticon ${className}` : 'anticon'} role="img" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" focusable="false">
        <rect x="3" y="5" width="18" height="14" rx="2" />
        <path d="M3 7l9 6 9-6" />
      </svg>
    </span>
  );
}
