import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { cjkFont, latinPainter, outlinePainter } from './font';

describe('certificate text', () => {
  it('draws Chinese as outlines from a CJK font of the machine (CI installs fonts-noto-cjk)', async () => {
    const font = cjkFont();
    expect(font, 'no CJK font: install fonts-noto-cjk').not.toBeNull();
    const painter = outlinePainter(font!);
    // full-width characters are one em wide; a Chinese line is not measured as "?"s
    expect(painter.width('食品经营许可证', 10)).toBeCloseTo(70, 0);
    const doc = await PDFDocument.create();
    painter.draw(doc.addPage(), '食品经营许可证 JY1500118', 10, 10, 12);
    expect((await doc.save()).length).toBeGreaterThan(1000);
  });

  it('falls back to Latin text with "?" for the rest when no font is found', async () => {
    expect(cjkFont(['/nonexistent/font.ttc'])).toBeNull();
    const doc = await PDFDocument.create();
    const painter = await latinPainter(doc);
    expect(painter.outlines).toBe(false);
    expect(painter.width('证照 A1', 10)).toBe(painter.width('?? A1', 10));
    expect(() => painter.draw(doc.addPage(), '证照 A1', 10, 10, 10)).not.toThrow();
  });
});
