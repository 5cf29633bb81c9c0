import { describe, expect, it } from 'vitest';
import type { Rule } from './api';
import { fitView } from './devices/fitView';
import { formFieldOf, formValuesOf, newRuleBody, ruleChange } from './rules/ruleValues';

const rule = (kind: string, params: Rule['params']): Rule => ({
  id: '0190c0de-0000-7000-8000-000000000001',
  name: '工地扬尘 PM10 超标',
  typeCode: 'DUST',
  deviceId: null,
  quantity: 'pm10',
  kind,
  params,
  severity: 'major',
  caseClassCode: 'E0304',
  notify: true,
  enabled: true,
  openAlarms: 0,
  updatedAt: '2026-11-26T00:00:00.000Z',
});

describe('the rule form and the API', () => {
  it('shows seconds as minutes and sends them back as seconds, for every kind', () => {
    const threshold = formValuesOf(rule('threshold', { op: 'above', value: 150, forSeconds: 600 }));
    expect(threshold.params).toEqual({ op: 'above', value: 150, forMinutes: 10 });
    expect(newRuleBody(threshold)).toEqual({ name: '工地扬尘 PM10 超标', typeCode: 'DUST', deviceId: null, quantity: 'pm10', kind: 'threshold', params: { op: 'above', value: 150, forSeconds: 600 }, severity: 'major', caseClassCode: 'E0304', notify: true, enabled: true });
    expect(ruleChange(formValuesOf(rule('missing', { forSeconds: 1800 }))).params).toEqual({ forSeconds: 1800 });
    expect(ruleChange(formValuesOf(rule('rate', { perMinute: 30 }))).params).toEqual({ perMinute: 30 });
    expect(ruleChange(formValuesOf(rule('anomaly', { sigmas: 5, hours: 24, minCount: 12 }))).params).toEqual({ sigmas: 5, hours: 24, minCount: 12 });
  });

  it('an edit sends only what may change, and no case class as null', () => {
    const values = { ...formValuesOf(rule('threshold', { op: 'below', value: 5, forSeconds: 0 })), caseClassCode: undefined };
    expect(ruleChange(values)).toEqual({ name: '工地扬尘 PM10 超标', params: { op: 'below', value: 5, forSeconds: 0 }, severity: 'major', caseClassCode: null, notify: true });
  });

  it('puts a server error on the form field it names', () => {
    expect(formFieldOf('/body/params/value', 'threshold')).toEqual(['params', 'value']);
    expect(formFieldOf('/body/params/forSeconds', 'missing')).toEqual(['params', 'forMinutes']);
    expect(formFieldOf('/body/params', 'rate')).toEqual(['kind']);
    expect(formFieldOf('/body/params/value', 'rate')).toEqual(['kind']);
    expect(formFieldOf('/body/caseClassCode', 'threshold')).toEqual(['caseClassCode']);
    expect(formFieldOf('/body/quantity', 'anomaly')).toEqual(['quantity']);
    expect(formFieldOf('/body', 'threshold')).toBeNull();
    expect(formFieldOf('/body/unknown', 'threshold')).toBeNull();
  });
});

describe('the device map', () => {
  it('is fitted to the devices: centred on them, zoomed in no further than 40 and no less than the whole district', () => {
    expect(fitView([])).toBeNull();
    const near = fitView([{ lng: 105.92, lat: 29.35 }, { lng: 105.94, lat: 29.37 }])!;
    expect(near.center[0]).toBeCloseTo(105.93, 6);
    expect(near.center[1]).toBeCloseTo(29.36, 6);
    expect(near.zoom).toBeCloseTo(0.43 / 0.02 * 0.7, 6);
    expect(fitView([{ lng: 105.93, lat: 29.36 }])!.zoom).toBe(40);
    expect(fitView([{ lng: 105.64, lat: 28.95 }, { lng: 106.07, lat: 29.57 }])!.zoom).toBe(1);
  });
});
