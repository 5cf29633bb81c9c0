import type { Kernel } from '../../../kernel/module';
import type { WorkflowDb } from '../../../kernel/workflow';
import { shanghaiDate } from '../../../kernel/calendar';
import { issueCertificate } from '../certificates/issue';
import type { Guide } from '../schemas/guide';
import { applicantIdOf } from './applicant';
import type { ApplicationRow } from './tables';

/** The last day of a validity of N years from a day: 2026-11-26 + 5 years → 2031-11-25. */
export function validUntil(from: string, years: number | null): string | null {
  if (years === null) return null;
  const [y, m, d] = from.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y + years, m - 1, d - 1)).toISOString().slice(0, 10);
}

/**
 * 制证 on 准予, inside the approval's transaction: the item's result certificate for the applicant, its
 * printed fields taken from the answers whose labels name them (经营场所 → the answer labelled 经营场所).
 */
export async function issueResult(kernel: Kernel, tx: WorkflowDb, row: ApplicationRow, guide: Guide): Promise<{ id: string; number: string } | null> {
  if (!guide.resultCert) return null;
  const data: Record<string, string> = {};
  for (const f of guide.formFields) {
    const v = row.answers[f.key];
    if (v && f.type !== 'idNumber' && f.type !== 'creditCode' && f.type !== 'phone') data[f.label.zh] = v;
  }
  const from = shanghaiDate(new Date());
  return issueCertificate(kernel, tx, {
    typeCode: guide.resultCert.typeCode,
    typeName: guide.resultName || guide.name,
    holderName: row.applicant_name,
    holderId: applicantIdOf(kernel.keys, row),
    holderKind: row.applicant_kind,
    issuerOrgId: row.deciding_org_id,
    data,
    validFrom: from,
    validUntil: validUntil(from, guide.resultCert.validYears),
    applicationId: row.id,
  });
}
