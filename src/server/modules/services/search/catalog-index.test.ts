import { describe, expect, it } from 'vitest';
import type { Guide } from '../schemas/guide';
import { CatalogIndex } from './catalog-index';
import { queryTerms } from './text';

let n = 0;
function guide(name: string, extra: Partial<Guide> = {}): Guide {
  n += 1;
  return {
    id: `id-${n}`, code: `01${String(n).padStart(5, '0')}00000`, implementationCode: '', name, type: 'licensing', tier: 'main', handlingKind: null, parentCode: null,
    department: { id: 'd1', name: '区某局' }, implementer: { orgId: null, name: '区某局' }, level: 'district', legalBasis: '某法', targetUsers: ['natural'], conditions: '无', resultName: '',
    steps: [], statutoryDays: null, promisedDays: 1, instant: false, fee: { fen: 0, basis: '' }, place: '窗口', hours: '工作日', enquiryPhone: '12345', complaintPhone: '12345',
    visits: 0, onlineDepth: 4, online: true, lifeEvents: [], topics: [], keywords: [], materials: [], responsibility: null, version: 1, publishedAt: '2026-01-01T00:00:00Z', formFields: [], resultCert: null, ...extra,
  };
}

describe('ranking', () => {
  it('orders exact name > prefix > contains > keywords > conditions > near match, whatever the input order', () => {
    const items = [
      guide('其他事项甲', { conditions: '需要施工许可的情形' }),
      guide('其他事项乙', { keywords: ['施工许可'] }),
      guide('建筑工程施工许可证核发'),
      guide('施工许可证核发'),
      guide('施工许可'),
      guide('施工临时许可'),
      guide('无关事项'),
    ];
    const index = new CatalogIndex(items.reverse());
    const r = index.search({ q: '施工许可' });
    expect(r.items.map((i) => [i.name, i.matched])).toEqual([
      ['施工许可', 'name'],
      ['施工许可证核发', 'name'],
      ['建筑工程施工许可证核发', 'name'],
      ['其他事项乙', 'keywords'],
      ['其他事项甲', 'other'],
      ['施工临时许可', 'fuzzy'],
    ]);
    expect(r.items.map((i) => i.score)).toEqual([100, 80, 60, 40, 20, 13]);
  });

  it('matches single characters and every part of a word, never across two fields', () => {
    const index = new CatalogIndex([guide('食品经营许可', { conditions: '场所', legalBasis: '许可法' })]);
    for (const q of ['食', '经营', '营许', '品经营许']) expect(index.search({ q }).total, q).toBe(1);
    expect(index.search({ q: '所许' }).total).toBe(0); // end of the conditions + start of the legal basis
  });

  it('splits queries at spaces and punctuation and normalises full-width letters', () => {
    expect(queryTerms('  食品，经营　ＡＢＣ ')).toEqual(['食品', '经营', 'abc']);
    const index = new CatalogIndex([guide('ABC 证明')]);
    expect(index.search({ q: 'ａｂｃ证明' }).total).toBe(1);
  });
});
