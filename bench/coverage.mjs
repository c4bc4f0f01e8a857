// What a page view runs of a script file: V8 block coverage (Playwright's `page.coverage`) turned into bytes that
// ran, per file and, with the file's source map, per source module.

/** For each character of `source`, the count of the innermost block around it (ranges nest; 0: never ran). */
export function counts(entry) {
  const { source } = entry;
  const count = new Int32Array(source.length).fill(1);
  const ranges = entry.functions
    .flatMap((f) => f.ranges)
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  for (const r of ranges) count.fill(r.count, r.startOffset, Math.min(r.endOffset, source.length));
  return count;
}

/** The characters of `source` whose count is above 0, in order. */
export function ranText(source, count) {
  let ran = '';
  for (let i = 0; i < source.length; i++) if (count[i] > 0) ran += source[i];
  return ran;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** One source map segment's fields (base64 VLQ). */
function segment(text) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of text) {
    let digit = BASE64.indexOf(char);
    const more = digit & 32;
    digit &= 31;
    value += digit << shift;
    if (more) shift += 5;
    else {
      fields.push(value & 1 ? -(value >> 1) : value >> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/**
 * Splits a minified file by the source module each character maps to (the map's `sources`, shortened to the part
 * from `src/`), with the characters that ran: `[{ module, bytes, ran }]`, `ran` the text that ran.
 */
export function byModule(code, map, count) {
  const owner = new Int32Array(code.length).fill(-1);
  const lines = code.split('\n');
  let lineStart = 0;
  let source = 0;
  map.mappings.split(';').forEach((line, index) => {
    const text = lines[index] ?? '';
    const segments = line.split(',').filter(Boolean).map(segment);
    let column = 0;
    segments.forEach((fields, i) => {
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      const next = i + 1 < segments.length ? column + segments[i + 1][0] : text.length;
      owner.fill(source, lineStart + column, lineStart + next);
    });
    lineStart += text.length + 1;
  });
  const modules = new Map();
  for (let i = 0; i < code.length; i++) {
    const name = (map.sources[owner[i]] ?? '(unmapped)').replace(/^.*?(?=src\/)/, '');
    let entry = modules.get(name);
    if (!entry) modules.set(name, (entry = { module: name, bytes: 0, ran: '' }));
    entry.bytes++;
    if (count[i] > 0) entry.ran += code[i];
  }
  return [...modules.values()];
}
