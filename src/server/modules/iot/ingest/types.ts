import type { RejectionReason } from '../store';

/** One value of one quantity at one instant: a row of `reading`. `ts` is epoch milliseconds. */
export interface Reading {
  deviceId: string;
  quantity: string;
  ts: number;
  value: number;
}

/** What happened to the readings of one submission, known once they are committed. */
export interface IngestResult {
  accepted: number;
  rejected: Partial<Record<RejectionReason, number>>;
}

/** Where refusals go: counted per device and reason, with a short sample text for operators. */
export type RejectionSink = (reason: RejectionReason, detail: string, count?: number) => void;

/** The id under which refusals for device ids that do not exist are counted (one row, not one per made-up id). */
export const unknownDeviceKey = '*';

export const addRejected = (result: IngestResult, reason: RejectionReason, n = 1) => {
  result.rejected[reason] = (result.rejected[reason] ?? 0) + n;
};
