import { maskIdNumber, maskPhone } from '../../../../shared/validators';
import { decryptField, encryptField, type FieldKeys } from '../../../kernel/crypto';
import type { Answers, FormField } from './form';

/** ID numbers and phone numbers given in a form are personal data (DESIGN §3): stored SM4-encrypted. */
const personal = (f: FormField) => f.type === 'idNumber' || f.type === 'phone';
const context = 'service_application.answer';

export function sealAnswers(keys: FieldKeys, fields: readonly FormField[], answers: Answers): Answers {
  const out: Answers = { ...answers };
  for (const f of fields) if (personal(f) && out[f.key]) out[f.key] = encryptField(keys.encryptionKey, out[f.key]!, context);
  return out;
}

export function openAnswers(keys: FieldKeys, fields: readonly FormField[], answers: Answers): Answers {
  const out: Answers = { ...answers };
  for (const f of fields) if (personal(f) && out[f.key]) out[f.key] = decryptField(keys.encryptionKey, out[f.key]!, context);
  return out;
}

/** As staff see them: the personal answers masked (the applicant sees them whole). */
export function maskAnswers(fields: readonly FormField[], answers: Answers): Answers {
  const out: Answers = { ...answers };
  for (const f of fields) {
    const v = out[f.key];
    if (v && f.type === 'idNumber') out[f.key] = maskIdNumber(v);
    if (v && f.type === 'phone') out[f.key] = maskPhone(v);
  }
  return out;
}
