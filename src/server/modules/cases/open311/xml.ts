/**
 * A document as Open311 shapes it. The JSON form is this value as it is (the Spark convention:
 * the root element is dropped, an element of repeated children is an array); the XML form names
 * the root and each array's items (`services` → `service`, `service_requests` → `request` …).
 */
export type Doc = string | number | boolean | null | Doc[] | { [name: string]: Doc };

/** The element name of one item of each array in an Open311 document. */
const itemNames: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

const namePattern = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
// characters XML 1.0 cannot carry at all (controls, lone surrogates, U+FFFE/FFFF): dropped
const notXmlChar = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#13;' };

/** Text content made safe: markup characters escaped, impossible characters removed, CR kept. */
export function escapeText(text: string): string {
  return text.replace(notXmlChar, '').replace(/[&<>"'\r]/g, (c) => entities[c]!);
}

function element(name: string, value: Doc, out: string[]): void {
  // names come from this code, never from input; a bad one is a programming error
  if (!namePattern.test(name)) throw new Error(`not an XML element name: ${name}`);
  if (value === null || value === '') {
    out.push(`<${name}/>`);
  } else if (Array.isArray(value)) {
    const item = itemNames[name];
    if (!item) throw new Error(`no item element name for the array ${name}`);
    out.push(`<${name}>`);
    for (const v of value) element(item, v, out);
    out.push(`</${name}>`);
  } else if (typeof value === 'object') {
    out.push(`<${name}>`);
    for (const [k, v] of Object.entries(value)) element(k, v, out);
    out.push(`</${name}>`);
  } else {
    out.push(`<${name}>${escapeText(String(value))}</${name}>`);
  }
}

/** The XML text of a document under `root`, with the declaration the specification asks for. */
export function toXml(root: string, value: Doc): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>\n'];
  element(root, value, out);
  out.push('\n');
  return out.join('');
}
