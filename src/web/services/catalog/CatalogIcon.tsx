/** 事项目录 menu icon: a list with bullets (1em, currentColor), shaped like the workbench's other icons. */
export function CatalogIcon({ className }: { className?: string }) {
  return (
    <span className={className ? `anticon ${className}` : 'anticon'} role="img" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" focusable="false">
        <path d="M9 6h11M9 12h11M9 18h11" />
        <circle cx="4.5" cy="6" r="1" />
        <circle cx="4.5" cy="12" r="1" />
        <circle cx="4.5" cy="18" r="1" />
      </svg>
    </span>
  );
}
