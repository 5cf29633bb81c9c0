import type { FormInstance } from 'antd';
import type { Problem } from '../../api/problem';
import type { Lang } from '../../i18n';
import { formPath } from './formValues';

/** Marks each field the server named at fault in the form itself (as well as in the alert above it). */
export function markFieldErrors(form: FormInstance, problem: Problem, lang: Lang): void {
  const fields = (problem.errors ?? []).flatMap((e) => {
    const name = formPath(e.field);
    return name ? [{ name, errors: [typeof e.message === 'string' ? e.message : e.message[lang]] }] : [];
  });
  form.setFields(fields);
}
