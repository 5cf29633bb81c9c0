import type { ReactNode } from 'react';
import { PortalSectionShell } from '../portal/PortalSectionShell';
import './opendata.css';

/** The portal's 数据开放 pages: header, title, content, footer. */
export function OpenDataShell({ title, testId, heading = true, children }: { title: string; testId: string; heading?: boolean; children: ReactNode }) {
  return (
    <PortalSectionShell title={title} testId={testId} className="opendata-page" heading={heading}>
      {children}
    </PortalSectionShell>
  );
}
