import { describe, expect, it } from 'vitest';
import { defineTemplate, renderTemplate, TemplateError } from './templates';

const dispatched = defineTemplate('test.dispatched', {
  zh: { title: '案件{{caseNo}}已派遣', body: '请于{{due}}前处置。' },
  en: { title: 'Case {{caseNo}} dispatched', body: 'Please handle it by {{due}}.' },
});

describe('notification templates', () => {
  it('renders Chinese and English with the variables, escaping nothing', () => {
    expect(renderTemplate(dispatched, { caseNo: 'AJ2026112600034', due: '2026-12-01 <b>' })).toEqual({
      zh: { title: '案件AJ2026112600034已派遣', body: '请于2026-12-01 <b>前处置。' },
      en: { title: 'Case AJ2026112600034 dispatched', body: 'Please handle it by 2026-12-01 <b>.' },
    });
    expect(dispatched.variables).toEqual(['caseNo', 'due']);
    expect(renderTemplate('test.dispatched', { caseNo: 7, due: 'x' }).zh.title).toBe('案件7已派遣');
  });

  it('refuses an unknown or a missing variable at render time, naming it', () => {
    // @ts-expect-error -- the compiler knows the template's variables
    expect(() => renderTemplate(dispatched, { caseNo: 'A', due: 'B', casNo: 'typo' })).toThrow(/unknown variable casNo/);
    // @ts-expect-error -- due is missing
    expect(() => renderTemplate(dispatched, { caseNo: 'A' })).toThrow(/missing variable due/);
    expect(() => renderTemplate('test.nothing', {})).toThrow(TemplateError);
  });

  it('refuses bad definitions: malformed placeholders, languages that disagree, a key defined twice', () => {
    expect(() => defineTemplate('test.bad', { zh: { title: '{{ name }}', body: '' }, en: { title: '{{name}}', body: '' } })).toThrow(/malformed placeholder/);
    expect(() => defineTemplate('test.bad', { zh: { title: '{{a}}', body: '' }, en: { title: '{{b}}', body: '' } })).toThrow(/only zh: a; only en: b/);
    expect(() => defineTemplate('test.dispatched', { zh: { title: 't', body: '' }, en: { title: 't', body: '' } })).toThrow(/already defined/);
    expect(() => defineTemplate('NoDot', { zh: { title: 't', body: '' }, en: { title: 't', body: '' } })).toThrow(/module\.action/);
  });

  it('a template without variables takes none', () => {
    const plain = defineTemplate('test.plain', { zh: { title: '系统维护', body: '' }, en: { title: 'Maintenance', body: '' } });
    expect(renderTemplate(plain, {}).en.title).toBe('Maintenance');
    expect(() => renderTemplate('test.plain', { x: 1 })).toThrow(/unknown variable x/);
  });
});
