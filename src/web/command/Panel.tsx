import type { ReactNode } from 'react';

interface Props {
  title: string;
  area: string;
  children: ReactNode;
  testId?: string;
  /** shown at the right of the title (a count, a badge) */
  extra?: ReactNode;
}

/** A framed dashboard panel placed in a named grid area. */
export function Panel({ title, area, children, testId, extra }: Props) {
  return (
    <section className={`command-panel command-area-${area}`} aria-label={title} data-testid={testId}>
      <h2 className="command-panel-title">
        <span>{title}</span>
        {extra}
      </h2>
      <div className="command-panel-body">{children}</div>
    </section>
  );
}
