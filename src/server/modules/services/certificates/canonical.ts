/**
 * The certificate as signed: a canonical JSON serialisation (keys sorted at every level, no
 * spaces, UTF-8), so that the same content always gives the same bytes whoever serialises it:
 * the server at issue, the verifier later, a third party with the PDF's embedded copy.
 */
export interface SignedCertificate {
  /** format version of this serialisation */
  v: 1;
  number: string;
  typeCode: string;
  typeName: string;
  holderName: string;
  holderId: string;
  holderKind: 'person' | 'legal';
  issuerOrgId: string;
  issuerName: string;
  data: Record<string, string>;
  validFrom: string;
  validUntil: string | null;
  issuedAt: string;
}

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export function canonicalJson(value: Json): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k]!)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export const serialise = (c: SignedCertificate): string => canonicalJson(c as unknown as Json);

/** Parses an embedded copy; null when it is not a certificate of this format. */
export function parseSigned(text: string): SignedCertificate | null {
  try {
    const value = JSON.parse(text) as Partial<SignedCertificate>;
    if (value?.v !== 1 || typeof value.number !== 'string' || typeof value.data !== 'object' || value.data === null) return null;
    return value as SignedCertificate;
  } catch {
    return null;
  }
}
