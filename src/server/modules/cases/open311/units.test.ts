import { describe, expect, it } from 'vitest';
import { parseW3c, w3c } from './dates';
import { attributes, parseForm } from './form';
import { parseRequestQuery } from './query';
import { redact } from './redact';
import { closedStatuses, openStatuses } from './statuses';
import { readXml, spark } from './test-xml';
import { toXml } from './xml';

describe('the XML serializer', () => {
  it('escapes markup so that a description cannot inject elements', () => {
    const evil = `</description><status>closed</status><!-- & "quoted" 'single' ]]> <![CDATA[x]]>`;
    const xml = toXml('service_requests', [{ service_request_id: 'CG1', description: evil, lat: 29.35, urgent: true, media_url: null }]);
    const root = readXml(xml);
    expect(root.children).toHaveLength(1);
    expect(root.children[0]!.children.map((c) => c.name)).toEqual(['service_request_id', 'description', 'lat', 'urgent', 'media_url']);
    expect(spark(root)).toEqual([{ service_request_id: 'CG1', description: evil, lat: '29.35', urgent: 'true', media_url: '' }]);
  });

  it('drops characters XML cannot carry and keeps line breaks, CR included', () => {
    const xml = toXml('errors', [{ code: 400, description: 'a\u0000b\u0007c\uFFFEd\uD800e\r\nf\tg 𠮷' }]);
    expect(spark(readXml(xml))).toEqual([{ code: '400', description: 'abcde\r\nf\tg 𠮷' }]);
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  });

  it('names list items after the list and refuses names it does not know', () => {
    const xml = toXml('discovery', { endpoints: [{ formats: ['text/xml', 'application/json'] }] });
    expect(xml).toContain('<endpoints><endpoint><formats><format>text/xml</format><format>application/json</format></formats></endpoint></endpoints>');
    expect(() => toXml('x', { 'bad name': 1 })).toThrow(/element name/);
    expect(() => toXml('x', { things: [1] })).toThrow(/item element/);
  });
});

describe('forms, dates, statuses, masking', () => {
  it('reads UTF-8 forms with repeated names and multi-value attributes', () => {
    const form = parseForm('description=%E4%BA%95%E7%9B%96+%E7%BC%BA%E5%A4%B1&attribute%5Burgent%5D=true&attribute[tags][]=a&attribute[tags][]=b&attribute[empty]=');
    expect(form.get('description')).toEqual(['井盖 缺失']);
    expect(Object.fromEntries(attributes(form))).toEqual({ urgent: ['true'], tags: ['a', 'b'], empty: [] });
  });

  it('writes Beijing time and reads W3C dates in any zone', () => {
    expect(w3c(new Date('2026-11-26T01:30:00Z'))).toBe('2026-11-26T09:30:00+08:00');
    expect(parseW3c('2026-11-26T09:30:00+08:00')!.toISOString()).toBe('2026-11-26T01:30:00.000Z');
    expect(parseW3c('2026-11-26T01:30:00Z')!.toISOString()).toBe('2026-11-26T01:30:00.000Z');
    expect(parseW3c('2026-11-26T09:30:00 08:00')!.toISOString()).toBe('2026-11-26T01:30:00.000Z'); // an unencoded '+'
    expect(parseW3c('2026-11-26T04:30-05:00')!.toISOString()).toBe('2026-11-26T09:30:00.000Z');
    expect(parseW3c('2026-11-26')!.toISOString()).toBe('2026-11-25T16:00:00.000Z');
    for (const bad of ['2026-11-26T09:30:00', '2026-02-30', 'yesterday', '2026-11-26T25:00:00Z']) expect(parseW3c(bad), bad).toBeNull();
  });

  it('maps the end states of the case process to closed and every other state to open', () => {
    expect(closedStatuses.sort()).toEqual(['closed', 'invalid', 'not_filed']);
    expect(openStatuses).toEqual(expect.arrayContaining(['reported', 'verifying', 'to_file', 'to_dispatch', 'handling', 'returned', 'hang_pending', 'hung', 'checking', 'to_close']));
  });

  it('defaults to the last 90 days and refuses a longer span', () => {
    const now = new Date('2026-11-26T00:00:00Z');
    const q = parseRequestQuery({ status: 'open' }, now);
    expect(q).toMatchObject({ from: new Date('2026-08-28T00:00:00Z'), to: now, limit: 1000 });
    expect(parseRequestQuery({ service_request_id: 'CG1,CG2', status: 'closed' }, now)).toEqual({ caseNos: ['CG1', 'CG2'] });
    expect(() => parseRequestQuery({ start_date: '2026-01-01T00:00:00Z', end_date: '2026-04-02T00:00:00Z' }, now)).toThrow(/90 days/);
    expect(() => parseRequestQuery({ status: 'pending' }, now)).toThrow(/open or closed/);
  });

  it('masks identity and mobile numbers in published text', () => {
    expect(redact('联系人电话 13812345678，身份证 500118199001011234。')).toBe('联系人电话 138****5678，身份证 500118********1234。');
    expect(redact('+86 138-1234-5678')).toBe('138****5678');
    expect(redact('井盖编号 2026112600001234 破损')).toBe('井盖编号 2026112600001234 破损');
  });
});
