import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { rgb, StandardFonts, type PDFDocument, type PDFPage, type RGB } from 'pdf-lib';

/**
 * Chinese text on the certificate PDF, robustly.
 *
 * Decision: the text is drawn as glyph OUTLINES (vector paths) taken from a CJK font found on the
 * machine, rather than as an embedded font. Embedding is not usable here: `@pdf-lib/fontkit` (the
 * fork pdf-lib needs) writes broken subsets of CID-keyed CFF fonts such as Noto Sans CJK — viewers
 * then show blank text (pdf-lib issues #1232, #808) — and the whole font would add 16 MB to every
 * certificate. Outlines print identically everywhere, cost a few kB, and need no font in the viewer.
 * The price: the printed text is not selectable; the machine-readable content travels embedded in
 * the PDF (the signed serialisation), which is what verification reads anyway.
 *
 * Where: the fonts-noto-cjk package (CI installs it; Debian/Ubuntu path below), then other common
 * CJK fonts. From a TrueType/OpenType collection (.ttc) the Simplified Chinese face is chosen.
 * Fallback when none is found: Latin text in Helvetica and every other character as "?", a warning in
 * the log; the number, dates, QR code and signature still print, and verification is unaffected.
 */
const CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf',
  '/System/Library/Fonts/PingFang.ttc',
  'C:\\Windows\\Fonts\\simsun.ttc',
];

interface OutlinePath {
  scale(x: number, y: number): OutlinePath;
  toSVG(): string;
}
interface OutlineFont {
  postscriptName: string | null;
  unitsPerEm: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number; path: OutlinePath };
}

/** Draws and measures one line of text. */
export interface TextPainter {
  readonly outlines: boolean;
  width(text: string, size: number): number;
  draw(page: PDFPage, text: string, x: number, y: number, size: number, color?: RGB): void;
}

let loaded: OutlineFont | null | undefined;

/** The CJK font of this machine, parsed once per process (null: none found). */
export function cjkFont(candidates = CANDIDATES): OutlineFont | null {
  if (candidates !== CANDIDATES) return findFont(candidates);
  if (loaded === undefined) loaded = findFont(candidates);
  return loaded;
}

function findFont(candidates: string[]): OutlineFont | null {
  for (const file of candidates) {
    let bytes: Buffer;
    try {
      bytes = fs.readFileSync(file);
    } catch {
      continue;
    }
    try {
      const parsed = fontkit.create(bytes) as unknown as OutlineFont & { fonts?: OutlineFont[] };
      const faces = parsed.fonts ?? [parsed];
      const face = faces.find((f) => /CJKsc|SC\b/.test(f.postscriptName ?? '')) ?? faces[0];
      if (face) return face;
    } catch {
      // not a font fontkit can read: try the next one
    }
  }
  return null;
}

export function outlinePainter(font: OutlineFont): TextPainter {
  // one glyph per code point: Chinese needs no shaping, and the cache makes a certificate's few
  // hundred characters cost a few hundred outline decodings once per process, not per line
  const cache = new Map<number, { advance: number; svg: string }>();
  const glyphOf = (cp: number) => {
    let g = cache.get(cp);
    if (!g) {
      const glyph = font.glyphForCodePoint(cp);
      // font outlines grow upwards; pdf-lib's SVG paths grow downwards and are flipped back
      g = { advance: glyph.advanceWidth, svg: glyph.path.scale(1, -1).toSVG() };
      if (cache.size < 20_000) cache.set(cp, g);
    }
    return g;
  };
  const units = (text: string) => [...text].reduce((sum, ch) => sum + glyphOf(ch.codePointAt(0)!).advance, 0);
  return {
    outlines: true,
    width: (text, size) => (units(text) * size) / font.unitsPerEm,
    draw: (page, text, x, y, size, color = rgb(0, 0, 0)) => {
      const s = size / font.unitsPerEm;
      let pen = 0;
      for (const ch of text) {
        const g = glyphOf(ch.codePointAt(0)!);
        if (g.svg) page.drawSvgPath(g.svg, { x: x + pen * s, y, scale: s, color, borderWidth: 0 });
        pen += g.advance;
      }
    },
  };
}

/** The fallback: Helvetica for what it can print, "?" for the rest. */
export async function latinPainter(doc: PDFDocument): Promise<TextPainter> {
  const helvetica = await doc.embedFont(StandardFonts.Helvetica);
  const printable = (text: string) => text.replace(/[^\x20-\x7e]/g, '?');
  return {
    outlines: false,
    width: (text, size) => helvetica.widthOfTextAtSize(printable(text), size),
    draw: (page, text, x, y, size, color = rgb(0, 0, 0)) => page.drawText(printable(text), { x, y, size, font: helvetica, color }),
  };
}

let warned = false;

export async function painterFor(doc: PDFDocument, log?: { warn(obj: object, msg: string): void }): Promise<TextPainter> {
  const font = cjkFont();
  if (font) return outlinePainter(font);
  if (!warned && log) log.warn({ candidates: CANDIDATES }, '未找到中文字体，证照 PDF 中的中文将显示为“?” / no CJK font found: certificate PDFs print Chinese as "?" (install fonts-noto-cjk)');
  warned = true;
  return latinPainter(doc);
}
