/**
 * A streaming CSV reader (RFC 4180 quoting) for the register imports, one record per line.
 *
 * Register fields never contain line breaks, so a quoted field that runs past the end of its
 * line is treated as broken quoting: that line is reported and reading carries on at the next
 * line, instead of one stray quote swallowing the rest of the file into a single field.
 * Memory stays at one chunk plus one line whatever the file's size.
 */
export type CsvLine = { line: number; fields: string[] } | { line: number; broken: true };

/** Fields of one line, or null when its quoting is broken (unterminated, text after a closing quote, a quote inside an unquoted field). */
export function parseCsvLine(text: string): string[] | null {
  const out: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let value = '';
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) return null;
        value += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          value += '"';
          i = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
      out.push(value);
      if (i === n) return out;
      if (text.charCodeAt(i) !== 44 /* , */) return null;
      i += 1;
    } else {
      const comma = text.indexOf(',', i);
      const end = comma < 0 ? n : comma;
      const value = text.slice(i, end);
      if (value.includes('"')) return null;
      out.push(value);
      if (comma < 0) return out;
      i = comma + 1;
    }
  }
}

/** Lines of a UTF-8 byte stream (a BOM is dropped; CRLF or LF; blank lines skipped), numbered from 1. */
export async function* readCsv(source: AsyncIterable<Uint8Array | string>, onBytes?: (total: number) => void): AsyncGenerator<CsvLine> {
  const decoder = new TextDecoder('utf-8');
  let rest = '';
  let line = 0;
  let bytes = 0;
  let first = true;
  const emit = function* (text: string): Generator<CsvLine> {
    line += 1;
    let t = text.endsWith('\r') ? text.slice(0, -1) : text;
    if (first) {
      first = false;
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
    }
    if (t.trim() === '') return;
    const fields = parseCsvLine(t);
    yield fields ? { line, fields } : { line, broken: true };
  };
  for await (const chunk of source) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
    onBytes?.(bytes);
    rest += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', start)) {
      yield* emit(rest.slice(start, nl));
      start = nl + 1;
    }
    rest = rest.slice(start);
  }
  rest += decoder.decode();
  if (rest !== '') yield* emit(rest);
}
