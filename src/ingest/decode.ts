/**
 * Text decoding of CSV bytes: BOM detection, UTF-8 validation and the GB18030 fallback that
 * Chinese Excel exports need. Uses the WHATWG `TextDecoder` (Node, Deno, Bun, browsers).
 */
import { DataValidationError, type Warning } from '../errors.js';
import { decodeWindows1252 } from './formats/cp1252.js';

/** Encodings accepted by name (WHATWG labels); anything `TextDecoder` knows also works. */
export type SurveyEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'gbk' | 'windows-1252' | (string & {});

/** Result of sniffing the start of a byte stream. */
export interface DetectedEncoding {
  readonly encoding: string;
  /** Length of the byte-order mark to skip. */
  readonly bomLength: number;
  /** Whether the encoding was guessed (not from a BOM or the caller). */
  readonly guessed: boolean;
}

/**
 * Picks the encoding of CSV bytes: the caller's `encoding` if given; else a BOM (UTF-8, UTF-16 LE/BE);
 * else UTF-8 if `head` is valid UTF-8 (a sequence cut at the end of `head` is allowed); else
 * GB18030 (a superset of GBK and GB2312, what Excel writes for Chinese CSVs) or Windows-1252
 * (what Excel writes for Western European CSVs), told apart by the runs of non-ASCII bytes.
 *
 * @throws DataValidationError (code `not_csv`) when `head` starts with the signature of a file
 *   that is not text: an Excel workbook (.xlsx, or .xls), another ZIP or OLE file, gzip or PDF.
 */
export function detectEncoding(head: Uint8Array, encoding?: string): DetectedEncoding {
  checkNotBinary(head);
  const bom = bomOf(head);
  if (encoding !== undefined) {
    const canonical = canonicalEncoding(encoding);
    return { encoding: canonical, bomLength: bom !== null && bom.encoding === canonical ? bom.length : 0, guessed: false };
  }
  if (bom !== null) return { encoding: bom.encoding, bomLength: bom.length, guessed: false };
  return { encoding: firstInvalidUtf8(head, true) === -1 ? 'utf-8' : legacyEncodingOf(head), bomLength: 0, guessed: true };
}

/**
 * Which legacy encoding bytes that are not UTF-8 are in: GB18030 (Chinese Excel) or Windows-1252
 * (Western European Excel). Chinese text comes in runs of two or more bytes >= 0x80 (each common
 * character is two such bytes); Western text has single accented letters or quotes between ASCII
 * letters. Most runs of length one: Windows-1252.
 */
function legacyEncodingOf(head: Uint8Array): 'gb18030' | 'windows-1252' {
  let runs = 0;
  let single = 0;
  for (let i = 0; i < head.length; ) {
    if ((head[i] as number) < 0x80) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < head.length && (head[end] as number) >= 0x80) end++;
    runs++;
    if (end - i === 1) single++;
    i = end;
  }
  return single * 2 > runs ? 'windows-1252' : 'gb18030';
}

/**
 * What a binary file is, from its first bytes (magic numbers), or null when it may be text:
 * ZIP (`PK\x03\x04`: .xlsx, .ods, .docx or a plain archive, told apart by the entry names near
 * the start), OLE compound files (`D0 CF 11 E0 A1 B1 1A E1`: .xls and other Office 97-2003
 * files), gzip (`1F 8B`) and PDF (`%PDF-`).
 */
export function binaryFormatOf(head: Uint8Array): { readonly kind: 'xlsx' | 'ods' | 'office' | 'zip' | 'xls' | 'gzip' | 'pdf'; readonly description: string } | null {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => head[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06) || starts(0x50, 0x4b, 0x07, 0x08)) {
    // Entry names are stored in plain ASCII in the local headers; the first few name the document type.
    const names = latin1(head.subarray(0, 65536));
    if (names.includes('xl/')) return { kind: 'xlsx', description: 'an Excel workbook (.xlsx)' };
    if (names.includes('application/vnd.oasis.opendocument.spreadsheet')) return { kind: 'ods', description: 'an OpenDocument spreadsheet (.ods)' };
    if (names.includes('[Content_Types].xml') || names.includes('word/') || names.includes('ppt/')) return { kind: 'office', description: 'a Microsoft Office document (a ZIP file)' };
    return { kind: 'zip', description: 'a ZIP archive' };
  }
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    return { kind: 'xls', description: 'an Excel 97-2003 workbook (.xls) or another Office 97-2003 file' };
  }
  if (starts(0x1f, 0x8b)) return { kind: 'gzip', description: 'a gzip-compressed file' };
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return { kind: 'pdf', description: 'a PDF document' };
  return null;
}

/** @throws DataValidationError (code `not_csv`) when the bytes are a known binary format. */
function checkNotBinary(head: Uint8Array): void {
  const format = binaryFormatOf(head);
  if (format === null) return;
  const fix: Record<typeof format.kind, string> = {
    xlsx: 'save it as CSV (in Excel: File > Save As > "CSV UTF-8"; or libreoffice --headless --convert-to csv FILE) and read the CSV',
    ods: 'save it as CSV (File > Save As > Text CSV; or libreoffice --headless --convert-to csv FILE) and read the CSV',
    xls: 'save it as CSV (in Excel: File > Save As > "CSV UTF-8"; or libreoffice --headless --convert-to csv FILE) and read the CSV',
    office: 'export the table to CSV and read that',
    zip: 'unzip it and read the CSV inside',
    gzip: 'decompress it (gunzip FILE) and read the CSV',
    pdf: 'export the data behind it as CSV',
  };
  throw new DataValidationError([{ code: 'not_csv', path: [null, null], line: null, message: `This is ${format.description}, not CSV text; ${fix[format.kind]}.`, input: null }]);
}

function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return text;
}

function bomOf(bytes: Uint8Array): { encoding: string; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

/**
 * The canonical WHATWG name of an encoding label (`'GBK'` -> `'gbk'`, `'utf8'` -> `'utf-8'`).
 *
 * @throws DataValidationError (code `invalid_encoding`) for a label no decoder knows.
 */
export function canonicalEncoding(label: string): string {
  try {
    return new TextDecoder(label).encoding;
  } catch (cause) {
    throw encodingError(`Unknown encoding "${label}"; use utf-8, utf-16le, utf-16be, gb18030, gbk or windows-1252.`, null, cause);
  }
}

/** The part of `TextDecoder` that ingest uses. */
export interface ByteDecoder {
  readonly encoding: string;
  decode(bytes: Uint8Array, options?: { stream?: boolean }): string;
}

/**
 * A strict decoder for a canonical encoding name. Windows-1252 is decoded by our own table: Node
 * 20's `TextDecoder('windows-1252')` drops the bytes 0x80-0x9F (curly quotes, dashes, the euro
 * sign) without an error, and Excel on Windows writes exactly those.
 */
export function byteDecoder(encoding: string): ByteDecoder {
  if (encoding === 'windows-1252') return { encoding, decode: (bytes) => decodeWindows1252(bytes) };
  return new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
}

/**
 * Decodes CSV bytes to text (BOM removed).
 *
 * @throws DataValidationError (code `invalid_encoding`) naming the line of the first byte sequence
 *   that is not valid in the chosen encoding.
 */
export function decodeBytes(bytes: Uint8Array, encoding?: string): { text: string; detected: DetectedEncoding } {
  const detected = detectEncoding(bytes, encoding);
  const body = bytes.subarray(detected.bomLength);
  try {
    return { text: byteDecoder(detected.encoding).decode(body), detected };
  } catch (cause) {
    const offset = detected.encoding === 'utf-8' ? firstInvalidUtf8(body, false) : -1;
    const line = offset >= 0 ? lineAt(body, offset) : null;
    throw encodingError(
      `The file is not valid ${detected.encoding}${line === null ? '' : ` (first bad byte on line ${line})`}; ` +
        'save it as UTF-8, or pass the right encoding (e.g. encoding: "gb18030" or "windows-1252").',
      line,
      cause,
    );
  }
}

/** The warning added when bytes were not valid UTF-8 and the GB18030 fallback was used. */
export function guessedEncodingWarning(encoding: string): Warning {
  return { code: 'encoding_guessed', message: `The data is not valid UTF-8 and was read as ${encoding}; pass encoding if that is wrong.` };
}

/** Builds the `invalid_encoding` validation error. */
export function encodingError(message: string, line: number | null, cause?: unknown): DataValidationError {
  return new DataValidationError([{ code: 'invalid_encoding', path: [null, null], line, message, input: null }], { cause });
}

/** 1-based line number of byte `offset` (counting LF bytes before it). */
export function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/**
 * Offset of the first invalid UTF-8 sequence, or -1. With `allowTruncatedEnd`, a multi-byte
 * sequence cut off by the end of the buffer is accepted (the buffer is only a file's head).
 */
export function firstInvalidUtf8(bytes: Uint8Array, allowTruncatedEnd: boolean): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return allowTruncatedEnd ? -1 : i;
      const c = bytes[i + k] as number;
      if (c < (k === 1 ? lower : 0x80) || c > (k === 1 ? upper : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}
