import { describe, expect, it } from 'vitest';
import { parseCsvLine, readCsv } from './csv';

describe('CSV lines', () => {
  it('reads RFC 4180 quoting', () => {
    expect(parseCsvLine('a,"b,c","d ""e""",')).toEqual(['a', 'b,c', 'd "e"', '']);
    expect(parseCsvLine('')).toEqual(['']);
  });
  it('reports broken quoting', () => {
    expect(parseCsvLine('a,"b,c')).toBeNull();
    expect(parseCsvLine('a,"b"x,c')).toBeNull();
    expect(parseCsvLine('a,b"c,d')).toBeNull();
  });
  it('streams chunks split inside characters and lines, drops the BOM, carries on after a broken line', async () => {
    const bytes = Buffer.from('\uFEFF姓名,身份证号\r\n张三,"1"\n李"四,2\n\n王五,3', 'utf8');
    const chunks = [bytes.subarray(0, 5), bytes.subarray(5, 17), bytes.subarray(17)];
    const out = [];
    for await (const l of readCsv((async function* () { yield* chunks; })())) out.push(l);
    expect(out).toEqual([
      { line: 1, fields: ['姓名', '身份证号'] },
      { line: 2, fields: ['张三', '1'] },
      { line: 3, broken: true },
      { line: 5, fields: ['王五', '3'] },
    ]);
  });
});
