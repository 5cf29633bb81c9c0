import { maskIdNumber, maskPhone } from '../../../../shared/validators/mask';

// a resident identity number (18 characters) and a mainland mobile number, not inside longer digit runs
const idNumber = /(?<![0-9A-Za-z])[1-9]\d{5}(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/g;
const mobile = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;

/**
 * Free text that leaves the platform through the public Open311 API (descriptions, addresses,
 * status notes) with identity and mobile numbers masked as everywhere else (`138****5678`).
 */
export function redact(text: string): string {
  if (!/\d{3}/.test(text)) return text; // no run of digits, nothing to mask (most texts)
  return text.replace(idNumber, (m) => maskIdNumber(m)).replace(mobile, (m) => maskPhone(m.replace(/^\+?86[- ]?/, '').replace(/[- ]/g, '')));
}
