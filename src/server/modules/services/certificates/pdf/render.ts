import { PDFDocument, PDFHexString, PDFName, rgb, type PDFDict } from 'pdf-lib';
import QRCode from 'qrcode';
import { sm3 } from '../../../../kernel/crypto';
import type { SignedCertificate } from '../canonical';
import { painterFor, type TextPainter } from './font';

/** Keys of the PDF's document information dictionary that carry the signed certificate. */
export const CONTENT_KEY = 'YcCertificate';
export const SIGNATURE_KEY = 'YcSignature';

/** The document information dictionary: pdf-lib has it, typed private, behind setTitle and friends. */
export const infoDict = (doc: PDFDocument): PDFDict => (doc as unknown as { getInfoDict(): PDFDict }).getInfoDict();

export interface PdfInput {
  signed: SignedCertificate;
  /** the exact string that was signed */
  content: string;
  signature: string;
  publicKey: string;
  /** the public verification address with number and code, carried by the QR code */
  verifyUrl: string;
  /** told once when no CJK font is found */
  log?: { warn(obj: object, msg: string): void };
}

const A4: [number, number] = [595.28, 841.89];
const red = rgb(0.7, 0.1, 0.1);
const grey = rgb(0.35, 0.35, 0.35);

/** Splits text into lines no wider than `max` points (Chinese breaks anywhere). */
function wrap(painter: TextPainter, text: string, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && painter.width(line + ch, size) > max) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  return [...lines, line];
}

/**
 * The certificate as a one-page A4 PDF: type, number, holder, printed fields, validity, issuer and
 * date, the QR code of the verification address, and the SM2 signature with the issuer key's
 * fingerprint printed; the signed serialisation and the signature are embedded in the document
 * information (keys YcCertificate, YcSignature), so that an uploaded copy can be checked.
 */
export async function renderCertificatePdf(input: PdfInput): Promise<Uint8Array> {
  const { signed } = input;
  const doc = await PDFDocument.create();
  doc.setTitle(`${signed.typeName} ${signed.number}`);
  doc.setSubject('电子证照 / electronic certificate');
  doc.setAuthor(signed.issuerName);
  doc.setProducer('智慧永川 Smart Yongchuan');
  doc.setCreationDate(new Date(signed.issuedAt));
  doc.setModificationDate(new Date(signed.issuedAt));
  infoDict(doc).set(PDFName.of(CONTENT_KEY), PDFHexString.fromText(input.content));
  infoDict(doc).set(PDFName.of(SIGNATURE_KEY), PDFHexString.fromText(input.signature));

  const page = doc.addPage(A4);
  const paint = await painterFor(doc, input.log);
  const [width, height] = A4;
  page.drawRectangle({ x: 28, y: 28, width: width - 56, height: height - 56, borderColor: red, borderWidth: 2 });
  page.drawRectangle({ x: 34, y: 34, width: width - 68, height: height - 68, borderColor: red, borderWidth: 0.5 });

  const title = signed.typeName;
  paint.draw(page, title, (width - paint.width(title, 26)) / 2, height - 110, 26, red);
  const numberLine = `编号：${signed.number}`;
  paint.draw(page, numberLine, (width - paint.width(numberLine, 12)) / 2, height - 140, 12);

  const rows: Array<[string, string]> = [
    [signed.holderKind === 'person' ? '持证人' : '持证单位', signed.holderName],
    [signed.holderKind === 'person' ? '身份证件号码' : '统一社会信用代码', signed.holderId],
    ...Object.entries(signed.data),
    ['有效期限', `${signed.validFrom} 至 ${signed.validUntil ?? '长期'}`],
  ];
  let y = height - 200;
  const labelX = 80;
  const valueX = 200;
  for (const [label, value] of rows) {
    paint.draw(page, `${label}：`, labelX, y, 13, grey);
    for (const line of wrap(paint, value, 13, width - valueX - 80)) {
      paint.draw(page, line, valueX, y, 13);
      y -= 22;
    }
    y -= 6;
  }

  const qr = await QRCode.toBuffer(input.verifyUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const image = await doc.embedPng(qr);
  page.drawImage(image, { x: 80, y: 150, width: 110, height: 110 });
  paint.draw(page, '扫码核验真伪', 96, 136, 9, grey);

  const issuedOn = signed.issuedAt.slice(0, 10);
  paint.draw(page, `发证机关：${signed.issuerName}`, 300, 230, 13);
  paint.draw(page, `发证日期：${issuedOn}`, 300, 205, 13);
  page.drawEllipse({ x: 420, y: 215, xScale: 48, yScale: 48, borderColor: red, borderWidth: 2, borderOpacity: 0.6 });

  const fingerprint = sm3(input.publicKey).slice(0, 32);
  paint.draw(page, `SM2 签名（发证机关公钥指纹 SM3:${fingerprint}）：`, 60, 112, 8, grey);
  const sig = input.signature.match(/.{1,96}/g) ?? [];
  sig.forEach((line, i) => paint.draw(page, line, 60, 98 - i * 11, 7.5, grey));
  paint.draw(page, `核验地址：${input.verifyUrl}`, 60, 58, 7.5, grey);
  return doc.save({ useObjectStreams: false });
}
