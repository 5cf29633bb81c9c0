/** What one exchange record says, as it is hashed into the signed log. */
export interface ExchangeEntry {
  id: string;
  at: Date;
  systemId: string;
  consumerOrgId: string;
  resourceId: string;
  resourceCode: string;
  providerOrgId: string;
  grantId: string | null;
  queryItems: string[];
  queryDigest: string;
  fields: string[];
  rows: number;
  digest: string;
}

/**
 * The entry's canonical form: fixed order, one line, fields that cannot contain the separator
 * (ids, codes, hex digests, item names without line breaks), JSON arrays for lists.
 */
export const canonicalEntry = (e: ExchangeEntry): string =>
  ['sy-exchange-v1', e.id, e.at.toISOString(), e.systemId, e.consumerOrgId, e.resourceId, e.resourceCode, e.providerOrgId, e.grantId ?? '-', JSON.stringify(e.queryItems), e.queryDigest, JSON.stringify(e.fields), String(e.rows), e.digest].join('\n');
