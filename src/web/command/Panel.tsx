import type { ReactNode } from 'react';

interface Props {
  title: string;
  area: string;
  children: ReactNode;
}

/** A framed dashboard panel placed in a named grid area. */
export function Panel({ title, area, children }: Props) {
  return (
    <section className={`command-panel command-area-${area}`} aria-label={title}>
      <h2 className="command-panel-title">{title}</h2>
      <div className="command-panel-body">{children}</div>
    </section>
  );
}
