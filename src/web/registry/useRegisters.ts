import { useI18n } from '../i18n';
import { useApi } from '../hooks/useApi';
import { fetchRegisters, type RegisterKey, type Registers } from './api';

/** The registers with the fields this person may see (labels come from the server, in both languages). */
export function useRegisters() {
  return useApi((signal) => fetchRegisters(signal), []);
}

/** A field's value as people read it: status and sex by label, the rest as they are. */
export function useFieldText(registers: Registers | undefined) {
  const { lang, t } = useI18n();
  return (register: RegisterKey, field: string, value: string | number | null | undefined): string => {
    if (value === null || value === undefined || value === '') return '—';
    if (field === 'status') return registers?.statuses[register]?.[String(value)]?.[lang] ?? String(value);
    if (field === 'sex' && (value === 'male' || value === 'female')) return t(`registry.sex.${value}`);
    return String(value);
  };
}

export const registerOf = (value: string | null | undefined): RegisterKey =>
  value === 'legal-persons' || value === 'places' ? value : 'persons';
