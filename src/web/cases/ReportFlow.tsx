import { useState } from 'react';
import type { ReportedCase } from '../api/cases';
import { ReportForm } from './ReportForm';
import { ReportResult } from './ReportResult';

interface Props {
  publicOnly?: boolean;
  withSource?: boolean;
  /** where the result's "view" button leads for a reported case */
  viewTo: (reply: ReportedCase) => string;
}

/** The report form, then its result; "report another" starts a fresh form. */
export function ReportFlow({ publicOnly, withSource, viewTo }: Props) {
  const [reply, setReply] = useState<ReportedCase>();
  const [round, setRound] = useState(0);
  if (reply) {
    return (
      <ReportResult
        reply={reply}
        viewTo={viewTo(reply)}
        onAgain={() => {
          setReply(undefined);
          setRound((n) => n + 1);
        }}
      />
    );
  }
  return <ReportForm key={round} publicOnly={publicOnly} withSource={withSource} onReported={setReply} />;
}
