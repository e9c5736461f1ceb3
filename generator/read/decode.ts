import { isUtf8 } from "node:buffer";
import { diagnostic, type Diagnostic } from "../types/index.js";

/** A file's bytes as text, with what the decoding had to say about them. */
export interface Decoded {
  text: string;
  /** The encoding the bytes were read in (WHATWG label). */
  encoding: string;
  diagnostics: Diagnostic[];
}

/**
 * Bytes to text, the way XML 1.0 (appendix F) and editors decide: a byte order mark first (UTF-8, UTF-16 LE or
 * BE; the mark itself is not text), then for XML the `<?` of UTF-16 without a mark and the declaration's
 * `encoding`, and UTF-8 otherwise. Bytes that are not valid in the encoding become U+FFFD, but never silently: a
 * diagnostic gives the first one's line and column and how many there are.
 */
export function decodeBytes(bytes: Uint8Array, file: string, xml: boolean): Decoded {
  const { encoding, skip, declared } = sniff(bytes, xml);
  const body = bytes.subarray(skip);
  const diagnostics: Diagnostic[] = [];
  if (declared) {
    const message = `the XML declaration says encoding="${declared}", but the file starts with <?xml in single bytes (no byte order mark), so it cannot be ${declared}; read as UTF-8, as XML parsers do. Correct the declaration (a .NET StringWriter writes this one)`;
    diagnostics.push(diagnostic("invalid-encoding", message, { file, line: 1, column: 1 }));
  }
  if (encoding === "utf-8" && !isUtf8(body)) diagnostics.push(invalidUtf8(body, file));
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { ignoreBOM: true });
  } catch {
    diagnostics.push(diagnostic("invalid-encoding", `the XML declaration names the encoding "${encoding}", which is not supported; read as UTF-8`, { file, line: 1, column: 1 }));
    decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  }
  const text = decoder.decode(body);
  if (encoding !== "utf-8" && text.includes("\uFFFD") && !diagnostics.length) {
    const index = text.indexOf("\uFFFD");
    diagnostics.push(diagnostic("invalid-encoding", `bytes that are not valid ${encoding} here (${count(text, "\uFFFD")} in the file); read as U+FFFD`, { file, ...lineAndColumn(text, index) }));
  }
  return { text, encoding: decoder.encoding, diagnostics };
}

/** Labels of encodings in which `<?xml` is not five single bytes: a declaration of one in such a file is wrong. */
const WIDE = /^(utf-?16(le|be)?|ucs-?2|unicode|utf-?32(le|be)?|ucs-?4)$/;

/** The encoding and the bytes of mark to skip; `declared`, an encoding the declaration names that the bytes rule out. */
function sniff(bytes: Uint8Array, xml: boolean): { encoding: string; skip: number; declared?: string } {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: "utf-8", skip: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: "utf-16le", skip: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: "utf-16be", skip: 2 };
  if (!xml) return { encoding: "utf-8", skip: 0 };
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return { encoding: "utf-16le", skip: 0 };
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return { encoding: "utf-16be", skip: 0 };
  // An ASCII-compatible encoding: the declaration, if any, is in the first line and says which.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 200));
  const declared = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']/.exec(head)?.[1]?.toLowerCase();
  if (declared && WIDE.test(declared)) return { encoding: "utf-8", skip: 0, declared };
  return { encoding: declared && declared !== "utf8" ? declared : "utf-8", skip: 0 };
}

/** Where the first byte that is not UTF-8 is, found only once the fast check failed. */
function invalidUtf8(bytes: Uint8Array, file: string): Diagnostic {
  let offset = 0;
  let bad = -1;
  let total = 0;
  while (offset < bytes.length) {
    const length = sequenceLength(bytes, offset);
    if (length) offset += length;
    else {
      if (bad === -1) bad = offset;
      total++;
      offset++;
    }
  }
  const before = new TextDecoder("utf-8").decode(bytes.subarray(0, bad));
  const byte = bytes[bad]!.toString(16).toUpperCase().padStart(2, "0");
  const at = { file, ...lineAndColumn(before, before.length) };
  return diagnostic("invalid-encoding", `byte 0x${byte} is not valid UTF-8 (${total} such byte${total === 1 ? "" : "s"} in the file; is it Latin-1 or Windows-1252?); read as U+FFFD. Save the file as UTF-8`, at);
}

/** The length of the well-formed UTF-8 sequence at `i` (RFC 3629: no overlongs, surrogates or values past U+10FFFF), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i]!;
  if (first < 0x80) return 1;
  const cont = (k: number, low = 0x80, high = 0xbf): boolean => i + k < bytes.length && bytes[i + k]! >= low && bytes[i + k]! <= high;
  if (first >= 0xc2 && first <= 0xdf) return cont(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const [low, high] = first === 0xe0 ? [0xa0, 0xbf] : first === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return cont(1, low, high) && cont(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const [low, high] = first === 0xf0 ? [0x90, 0xbf] : first === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return cont(1, low, high) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < index; i = text.indexOf("\n", i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: index - start + 1 };
}

function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
  return n;
}
