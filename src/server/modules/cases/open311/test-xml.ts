/**
 * For tests: a small, strict reader of the XML Open311 answers with (elements, text, entities; no
 * DTD), independent of the serializer, and the Spark mapping to compare XML with JSON answers.
 */
export interface XmlElement {
  name: string;
  children: XmlElement[];
  text: string;
}

const token = /<\?xml[^?]*\?>|<\/([A-Za-z_][\w.-]*)\s*>|<([A-Za-z_][\w.-]*)(?:\s+[A-Za-z_:][\w:.-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*\s*(\/?)>|([^<]+)/y;
const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  if (/&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.test(text)) throw new Error(`a bare & in text: ${text.slice(0, 40)}`);
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (_m, e: string) =>
    e.startsWith('#x') ? String.fromCodePoint(parseInt(e.slice(2), 16)) : e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : named[e]!,
  );
}

/** The root element; throws on anything that is not well-formed. */
export function readXml(xml: string): XmlElement {
  const stack: XmlElement[] = [{ name: '#document', children: [], text: '' }];
  token.lastIndex = 0;
  while (token.lastIndex < xml.length) {
    const at = token.lastIndex;
    const m = token.exec(xml);
    if (!m) throw new Error(`not well-formed at ${at}: ${xml.slice(at, at + 40)}`);
    const [, close, open, selfClosing, text] = m;
    const top = stack[stack.length - 1]!;
    if (open) {
      const el: XmlElement = { name: open, children: [], text: '' };
      top.children.push(el);
      if (!selfClosing) stack.push(el);
    } else if (close) {
      if (top.name !== close) throw new Error(`</${close}> closes <${top.name}>`);
      stack.pop();
    } else if (text !== undefined) {
      if (stack.length === 1) {
        if (text.trim()) throw new Error('text outside the root element');
      } else top.text += decode(text);
    }
  }
  if (stack.length !== 1 || stack[0]!.children.length !== 1) throw new Error('not exactly one closed root element');
  return stack[0]!.children[0]!;
}

/** Elements whose children form a list in Spark JSON. */
const lists = new Set(['services', 'service_requests', 'attributes', 'values', 'endpoints', 'formats', 'errors']);

/** The Spark convention: the root dropped, lists as arrays, leaves as their text. */
export function spark(el: XmlElement): unknown {
  if (lists.has(el.name)) return el.children.map(spark);
  if (el.children.length === 0) return el.text;
  return Object.fromEntries(el.children.map((c) => [c.name, spark(c)]));
}

/** A JSON answer with every leaf as text (null as ''), to compare with `spark` of the XML answer. */
export function asText(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(asText);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, asText(v)]));
  return String(value);
}
