import { validateIdNumber, validateMobilePhone } from '../../../shared/validators';
import type { CitizenQuery } from '../../api/citizens';

/** The lookup for what was typed: an ID number or a mobile number, checked with the server's validators; null when neither. */
export function citizenQueryOf(input: string): CitizenQuery | null {
  const value = input.trim();
  if (!value) return null;
  const id = validateIdNumber(value);
  if (id.ok) return { idNumber: id.normalized };
  const phone = validateMobilePhone(value);
  if (phone.ok) return { phone: phone.normalized };
  return null;
}
