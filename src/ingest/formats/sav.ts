/**
 * SPSS system files (.sav, .zsav): the dictionary (variables, labels, value labels, user-missing
 * values) and the cases, read from bytes. Written here rather than taken from npm: the one
 * maintained JavaScript reader found (sav-reader 2.0.8) decodes every string as if it were ASCII,
 * reads string missing values as numbers and has no big-endian support (see docs/methods.md).
 *
 * The layout follows the PSPP developers' guide, appendix B "System File Format": a 176-byte
 * header, variable records (type 2; long strings continue in records of type -1), value-label
 * records (3 + 4), a document record (6), extension records (7, with subtypes), the dictionary
 * termination record (999), then the data: plain 8-byte elements, bytecode-compressed (1) or
 * zlib blocks of bytecode (2).
 *
 * Pure code (no Node imports): zlib inflation is passed in by the caller.
 */
import { DataValidationError } from '../../errors.js';
import { decodeWindows1252 } from './cp1252.js';

/** A numeric value label or user-missing value; strings for string variables. */
export type SavValue = number | string;

/** One variable of an SPSS file, after very long strings are stitched together. */
export interface SavVariable {
  /** The (long) variable name. */
  readonly name: string;
  /** The 8-byte short name in the variable record. */
  readonly shortName: string;
  /** The variable label (SPSS: the question text), or null. */
  readonly label: string | null;
  readonly type: 'numeric' | 'string';
  /** String width in bytes (0 for numeric variables). */
  readonly width: number;
  /** Value labels: code (or string value) to label, in file order. */
  readonly valueLabels: ReadonlyMap<SavValue, string>;
  /** User-missing values: discrete values and an optional closed range (numeric only). */
  readonly missing: { readonly values: readonly SavValue[]; readonly range: { readonly low: number; readonly high: number } | null };
  /** Measurement level from the display record, or null when the file has none. */
  readonly measure: 'nominal' | 'ordinal' | 'scale' | null;
  /** Whether the print format is a date or date-time format (values become ISO text). */
  readonly isDate: boolean;
}

/** A parsed SPSS file. Cells: numbers (SYSMIS = null), strings (trailing blanks removed), dates as ISO text. */
export interface SavFile {
  readonly product: string;
  readonly encoding: string;
  readonly compression: 'none' | 'bytecode' | 'zlib';
  /** The case count in the header, or null when the writer did not know it (-1). */
  readonly declaredCases: number | null;
  readonly weight: string | null;
  readonly variables: readonly SavVariable[];
  readonly rows: readonly (readonly (number | string | null)[])[];
}

/** Options for {@link parseSav}. */
export interface ParseSavOptions {
  /** Inflates one zlib stream (RFC 1950); needed only for ZLIB-compressed (.zsav) files. */
  readonly inflate?: (bytes: Uint8Array) => Uint8Array;
}

/** -DBL_MAX: the system-missing value; also LOWEST in missing ranges written by SPSS 21+. */
const SYSMIS = -Number.MAX_VALUE;
/** Seconds from the SPSS epoch (14 Oct 1582) to the Unix epoch. */
const SPSS_EPOCH_OFFSET = 12219379200;
/** Print format types that hold dates or date-times (seconds since 1582). */
const DATE_FORMATS = new Set([20, 22, 23, 24, 28, 29, 30, 38, 39, 41]);

/** Whether bytes start like an SPSS system file ('$FL2' or '$FL3'). */
export function isSavSignature(head: Uint8Array): boolean {
  return head[0] === 0x24 && head[1] === 0x46 && head[2] === 0x4c && (head[3] === 0x32 || head[3] === 0x33);
}

function corrupt(message: string): DataValidationError {
  return new DataValidationError([{ code: 'corrupt_file', path: [null, null], line: null, message, input: null }]);
}

/** A bounds-checked reader over the file's bytes. */
class Cursor {
  pos = 0;
  private readonly view: DataView;
  constructor(
    readonly bytes: Uint8Array,
    public little: boolean,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(n: number, what: string): void {
    if (n < 0 || this.pos + n > this.bytes.length) {
      throw corrupt(`The SPSS file ends inside ${what} (byte ${this.pos} of ${this.bytes.length}): it is truncated or not a .sav file; copy it again or save it from SPSS again.`);
    }
  }
  int32(what: string): number {
    this.need(4, what);
    const v = this.view.getInt32(this.pos, this.little);
    this.pos += 4;
    return v;
  }
  float64(what: string): number {
    this.need(8, what);
    const v = this.view.getFloat64(this.pos, this.little);
    this.pos += 8;
    return v;
  }
  take(n: number, what: string): Uint8Array {
    this.need(n, what);
    const b = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
  floatAt(offset: number): number {
    return this.view.getFloat64(offset, this.little);
  }
}

interface RawVariable {
  readonly type: number; // 0 numeric, >0 string width, -1 continuation
  readonly shortName: Uint8Array;
  readonly label: Uint8Array | null;
  readonly missingCount: number;
  readonly missingRaw: Uint8Array[];
  readonly printType: number;
  /** 1-based dictionary index. */
  readonly index: number;
  measure: 'nominal' | 'ordinal' | 'scale' | null;
  valueLabels: [Uint8Array, Uint8Array][];
}

/**
 * Reads an SPSS system file: uncompressed, bytecode-compressed or (with `options.inflate`)
 * ZLIB-compressed; little- or big-endian; with an unknown case count (-1) read to the end of the
 * data; long strings, very long strings (over 255 bytes, stitched from their segments), value
 * labels for numbers and strings, discrete and range user-missing values. Text is decoded with
 * the file's character encoding record, else its code page, else Windows-1252.
 *
 * @example
 * ```ts
 * const sav = parseSav(bytes);
 * sav.variables[0]; // { name: 'checkin', label: 'Check-in', valueLabels: Map { 1 => 'Very poor', ... }, ... }
 * sav.rows[0];      // [4, 5, 3, 'R_1a']
 * ```
 * @throws DataValidationError (code `corrupt_file`) when the file is truncated or malformed,
 *   naming the byte offset.
 */
export function parseSav(bytes: Uint8Array, options: ParseSavOptions = {}): SavFile {
  const header = readHeader(bytes);
  const c = header.cursor;
  const dict = readDictionary(c);
  const dataStart = c.pos;

  const encoding = pickEncoding(dict.encodingName, dict.characterCode);
  const text = textDecoder(encoding);
  attachValueLabels(dict.raw, dict.labelSets);
  // Display parameters: one entry (2 or 3 ints) per variable record that is not a continuation.
  const principal = dict.raw.filter((v) => v.type >= 0);
  applyMeasures(principal, dict.display, header.little);

  const { columns, elementOffsets } = buildColumns(c, dict, principal, text);
  applyLongStringRecords(columns, dict, header.little, text);

  const { compression, declared, rows } = readCases(bytes, dataStart, header, dict, columns, text, options.inflate);
  const weightVariable = header.weightIndex > 0 ? dict.raw[header.weightIndex - 1] : undefined;
  const weight = weightVariable === undefined ? null : (columns.find((col) => col.segments[0]?.[0] === elementOffsets.get(weightVariable))?.variable.name ?? null);
  return {
    product: latin(header.productBytes)
      .replace(/^@\(#\) ?/, '')
      .trim(),
    encoding,
    compression,
    declaredCases: declared,
    weight,
    variables: columns.map((col) => col.variable),
    rows,
  };
}

/** What the 176-byte file header says, with a cursor left at the first dictionary record. */
interface SavHeader {
  readonly cursor: Cursor;
  readonly little: boolean;
  readonly productBytes: Uint8Array;
  readonly compressionCode: number;
  /** 1-based dictionary index of the weight variable, or 0. */
  readonly weightIndex: number;
  readonly headerCases: number;
  readonly bias: number;
}

/** The dictionary records before decoding: variables, value-label sets and the extension records kept. */
interface SavDictionary {
  readonly raw: RawVariable[];
  readonly labelSets: { labels: [Uint8Array, Uint8Array][]; indexes: number[] }[];
  characterCode: number | null;
  encodingName: string | null;
  longNames: Uint8Array | null;
  veryLong: Uint8Array | null;
  longStringLabels: Uint8Array | null;
  longStringMissing: Uint8Array | null;
  display: { count: number; data: Uint8Array } | null;
  cases64: number | null;
}

/** One output variable and where its bytes lie in a case. */
interface Column {
  variable: SavVariable;
  /** [element offset, segment width] of each segment (numeric: one segment of width 0). */
  segments: [number, number][];
}

/** Checks the signature, detects the byte order and reads the file header. */
function readHeader(bytes: Uint8Array): SavHeader {
  if (!isSavSignature(bytes)) throw corrupt('This is not an SPSS .sav file (it does not start with "$FL2" or "$FL3"); pass the right format or file.');
  const zlib = bytes[3] === 0x33;
  const probe = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 176) throw corrupt(`The SPSS file is only ${bytes.length} bytes long, shorter than its 176-byte header: it is truncated; copy it again.`);
  const layoutLe = probe.getInt32(64, true);
  const little = layoutLe === 2 || layoutLe === 3 ? true : !(probe.getInt32(64, false) === 2 || probe.getInt32(64, false) === 3);
  const c = new Cursor(bytes, little);
  c.pos = 4;
  const productBytes = c.take(60, 'the file header');
  c.int32('the file header'); // layout code
  c.int32('the file header'); // nominal case size: unreliable, recomputed from the variables
  const compressionCode = c.int32('the file header');
  const weightIndex = c.int32('the file header');
  const headerCases = c.int32('the file header');
  const bias = c.float64('the file header');
  c.take(9 + 8 + 64 + 3, 'the file header');
  if (compressionCode === 2 && !zlib) throw corrupt('The SPSS header says ZLIB compression but the file starts with "$FL2"; the file is damaged.');
  return { cursor: c, little, productBytes, compressionCode, weightIndex, headerCases, bias };
}

/** Reads the dictionary records up to the termination record (999), leaving the cursor at the data. */
function readDictionary(c: Cursor): SavDictionary {
  const dict: SavDictionary = {
    raw: [],
    labelSets: [],
    characterCode: null,
    encodingName: null,
    longNames: null,
    veryLong: null,
    longStringLabels: null,
    longStringMissing: null,
    display: null,
    cases64: null,
  };
  for (;;) {
    const recordStart = c.pos;
    const type = c.int32('the dictionary');
    switch (type) {
      case 2:
        dict.raw.push(readVariableRecord(c, recordStart, dict.raw.length + 1));
        break;
      case 3:
        dict.labelSets.push(readValueLabelRecord(c, recordStart));
        break;
      case 6: {
        const lines = c.int32('the document record');
        c.take(Math.max(0, lines) * 80, 'the document record');
        break;
      }
      case 7:
        readExtensionRecord(c, recordStart, dict);
        break;
      case 999:
        c.int32('the dictionary termination record');
        return dict;
      default:
        throw corrupt(`The SPSS file has an unknown record type ${type} at byte ${recordStart}, before the data; the file is damaged or truncated.`);
    }
  }
}

/** Reads one variable record (type 2): type, label, print format, short name and missing values. */
function readVariableRecord(c: Cursor, recordStart: number, index: number): RawVariable {
  const varType = c.int32('a variable record');
  const hasLabel = c.int32('a variable record');
  const missingCount = c.int32('a variable record');
  const print = c.int32('a variable record');
  c.int32('a variable record'); // write format
  const shortName = c.take(8, 'a variable record');
  let label: Uint8Array | null = null;
  if (hasLabel === 1) {
    const length = c.int32('a variable label');
    if (length < 0) throw corrupt(`The SPSS file has a variable label of negative length at byte ${recordStart}; the file is damaged.`);
    label = c.take(length, 'a variable label');
    c.take((4 - (length % 4)) % 4, 'a variable label');
  }
  const count = Math.abs(missingCount);
  if (count > 3 || missingCount === -1) throw corrupt(`The SPSS file has an invalid missing-value count ${missingCount} at byte ${recordStart}; the file is damaged.`);
  const missingRaw: Uint8Array[] = [];
  for (let i = 0; i < count; i++) missingRaw.push(c.take(8, 'missing values'));
  return { type: varType, shortName, label, missingCount, missingRaw, printType: (print >> 16) & 0xff, index, measure: null, valueLabels: [] };
}

/** Reads a value-label record (type 3) and the variable list (type 4) that must follow it. */
function readValueLabelRecord(c: Cursor, recordStart: number): { labels: [Uint8Array, Uint8Array][]; indexes: number[] } {
  const count = c.int32('a value-label record');
  if (count < 0) throw corrupt(`The SPSS file has a negative value-label count at byte ${recordStart}; the file is damaged.`);
  const labels: [Uint8Array, Uint8Array][] = [];
  for (let i = 0; i < count; i++) {
    const value = c.take(8, 'a value label');
    c.need(1, 'a value label');
    const length = c.bytes[c.pos] as number;
    c.pos += 1;
    const text = c.take(length, 'a value label');
    c.take((8 - ((length + 1) % 8)) % 8, 'a value label');
    labels.push([value, text]);
  }
  if (c.int32('a value-label record') !== 4) throw corrupt(`A value-label record at byte ${recordStart} is not followed by its variable list (record type 4); the file is damaged.`);
  const n = c.int32('a value-label variable list');
  const indexes: number[] = [];
  for (let i = 0; i < n; i++) indexes.push(c.int32('a value-label variable list'));
  return { labels, indexes };
}

/** Reads an extension record (type 7) and keeps the subtypes used later (encoding, names, display, long strings, case count). */
function readExtensionRecord(c: Cursor, recordStart: number, dict: SavDictionary): void {
  const little = c.little;
  const subtype = c.int32('an extension record');
  const size = c.int32('an extension record');
  const count = c.int32('an extension record');
  if (size < 0 || count < 0) throw corrupt(`The SPSS file has an extension record of negative size at byte ${recordStart}; the file is damaged.`);
  const data = c.take(size * count, 'an extension record');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  if (subtype === 3 && size === 4 && count >= 8) dict.characterCode = view.getInt32(28, little);
  else if (subtype === 11 && size === 4) dict.display = { count, data };
  else if (subtype === 13) dict.longNames = data;
  else if (subtype === 14) dict.veryLong = data;
  else if (subtype === 16 && size === 8 && count >= 2) {
    const n = Number(view.getBigInt64(8, little));
    if (n >= 0) dict.cases64 = n;
  } else if (subtype === 20) dict.encodingName = latin(data).trim();
  else if (subtype === 21) dict.longStringLabels = data;
  else if (subtype === 22) dict.longStringMissing = data;
}

/** A decoder of the file's text in its encoding (Windows-1252 by the project's own table). */
function textDecoder(encoding: string): (b: Uint8Array) => string {
  const decoder = new TextDecoder(encoding);
  return (b: Uint8Array): string => (encoding === 'windows-1252' ? decodeWindows1252(b) : decoder.decode(b));
}

/** Removes the trailing blanks and NUL bytes SPSS pads strings with. */
function trimEnd(s: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: SPSS pads strings with NUL bytes
  return s.replace(/[ \u0000]+$/, '');
}

/** Gives each variable the value labels of every label set that names it. */
function attachValueLabels(raw: readonly RawVariable[], labelSets: SavDictionary['labelSets']): void {
  for (const set of labelSets) {
    for (const index of set.indexes) {
      const v = raw[index - 1];
      if (v === undefined || v.type < 0) throw corrupt(`A value-label record names variable ${index}, which the SPSS dictionary does not have; the file is damaged.`);
      v.valueLabels.push(...set.labels);
    }
  }
}

/** Sets each variable's measurement level from the display record, when it has 2 or 3 ints per variable. */
function applyMeasures(principal: readonly RawVariable[], display: SavDictionary['display'], little: boolean): void {
  if (display === null) return;
  const per = display.count === principal.length * 3 ? 3 : display.count === principal.length * 2 ? 2 : 0;
  if (per > 0) {
    const view = new DataView(display.data.buffer, display.data.byteOffset, display.data.byteLength);
    principal.forEach((v, i) => {
      const m = view.getInt32(i * per * 4, little);
      v.measure = m === 2 ? 'ordinal' : m === 3 ? 'scale' : m === 1 || m === 0 ? 'nominal' : null;
    });
  }
}

/** Short name (upper case) to long name, from the long variable names record (subtype 13). */
function longNameMap(longNames: Uint8Array | null, text: (b: Uint8Array) => string): Map<string, string> {
  const map = new Map<string, string>();
  if (longNames !== null) {
    for (const pair of text(longNames).split('\t')) {
      const eq = pair.indexOf('=');
      if (eq > 0)
        map.set(
          pair.slice(0, eq).trim().toUpperCase(),
          pair
            .slice(eq + 1)
            // biome-ignore lint/suspicious/noControlCharactersInRegex: SPSS pads strings with NUL bytes
            .replace(/\u0000/g, '')
            .trim(),
        );
    }
  }
  return map;
}

/** Short name (upper case) to full width, from the very long string record (subtype 14). */
function veryLongWidths(veryLong: Uint8Array | null): Map<string, number> {
  const map = new Map<string, number>();
  if (veryLong !== null) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the very-long-string record separates pairs with NUL and tab
    for (const pair of latin(veryLong).split(/\u0000\t?|\t/)) {
      const eq = pair.indexOf('=');
      if (eq > 0) map.set(pair.slice(0, eq).trim().toUpperCase(), Number.parseInt(pair.slice(eq + 1), 10));
    }
  }
  return map;
}

/**
 * The output variables with their element layout: each principal variable owns ceil(width / 8)
 * elements of a case (1 if numeric); a very long string is stitched from its segment variables.
 */
function buildColumns(c: Cursor, dict: SavDictionary, principal: readonly RawVariable[], text: (b: Uint8Array) => string): { columns: Column[]; elementOffsets: Map<RawVariable, number> } {
  const shortNames = principal.map((v) => trimEnd(text(v.shortName)));
  const longNames = longNameMap(dict.longNames, text);
  const veryLongMap = veryLongWidths(dict.veryLong);
  const columns: Column[] = [];
  const elementOffsets = new Map<RawVariable, number>();
  {
    let offset = 0;
    for (const v of dict.raw) {
      if (v.type >= 0) elementOffsets.set(v, offset);
      offset += 1;
    }
  }
  for (let i = 0; i < principal.length; i++) {
    const v = principal[i] as RawVariable;
    const shortName = shortNames[i] as string;
    const name = longNames.get(shortName.toUpperCase()) ?? shortName;
    const width = veryLongMap.get(shortName.toUpperCase());
    const segments: [number, number][] = [[elementOffsets.get(v) as number, v.type]];
    let fullWidth = v.type;
    if (width !== undefined && v.type > 0 && width > 255) {
      const count = Math.floor((width + 251) / 252);
      for (let k = 1; k < count; k++) {
        const next = principal[i + k];
        if (next === undefined || next.type <= 0) throw corrupt(`The very long string "${name}" (width ${width}) lacks its segment ${k + 1} in the SPSS dictionary; the file is damaged.`);
        segments.push([elementOffsets.get(next) as number, next.type]);
      }
      fullWidth = width;
      i += count - 1;
    }
    columns.push({ variable: variableOf(c, v, name, shortName, fullWidth, text), segments });
  }
  return { columns, elementOffsets };
}

/** One variable decoded: label, value labels and user-missing values (discrete or a range). */
function variableOf(c: Cursor, v: RawVariable, name: string, shortName: string, fullWidth: number, text: (b: Uint8Array) => string): SavVariable {
  const bytes = c.bytes;
  const isString = v.type > 0;
  const valueLabels = new Map<SavValue, string>();
  for (const [value, label] of v.valueLabels) {
    valueLabels.set(isString ? trimEnd(text(value)) : c.floatAt(value.byteOffset - bytes.byteOffset), trimEnd(text(label)));
  }
  const values: SavValue[] = [];
  let range: { low: number; high: number } | null = null;
  const numbers = v.missingRaw.map((m) => c.floatAt(m.byteOffset - bytes.byteOffset));
  if (isString) values.push(...v.missingRaw.map((m) => trimEnd(text(m))));
  else if (v.missingCount > 0) values.push(...numbers);
  else if (v.missingCount < 0) {
    range = { low: bound(numbers[0] as number), high: bound(numbers[1] as number) };
    if (v.missingCount === -3) values.push(numbers[2] as number);
  }
  return {
    name,
    shortName,
    label: v.label === null ? null : trimEnd(text(v.label)) || null,
    type: isString ? 'string' : 'numeric',
    width: isString ? fullWidth : 0,
    valueLabels,
    missing: { values, range },
    measure: v.measure,
    isDate: !isString && DATE_FORMATS.has(v.printType),
  };
}

/** Adds the value labels and missing values of long string variables (subtypes 21 and 22). */
function applyLongStringRecords(columns: readonly Column[], dict: SavDictionary, little: boolean, text: (b: Uint8Array) => string): void {
  const byName = new Map(columns.map((col) => [col.variable.name.toUpperCase(), col]));
  const byShort = new Map(columns.map((col) => [col.variable.shortName.toUpperCase(), col]));
  const find = (name: string): Column | undefined => byName.get(name.toUpperCase()) ?? byShort.get(name.toUpperCase());
  if (dict.longStringLabels !== null) {
    forEachNamedEntry(dict.longStringLabels, little, (name, r) => {
      r.int32(); // width
      const n = r.int32();
      const col = find(text(name));
      for (let k = 0; k < n; k++) {
        const value = trimEnd(text(r.bytes(r.int32())));
        const label = trimEnd(text(r.bytes(r.int32())));
        if (col !== undefined) (col.variable.valueLabels as Map<SavValue, string>).set(value, label);
      }
    });
  }
  if (dict.longStringMissing !== null) {
    forEachNamedEntry(dict.longStringMissing, little, (name, r) => {
      const n = r.byte();
      const col = find(text(name));
      for (let k = 0; k < n; k++) {
        const value = trimEnd(text(r.bytes(r.int32())));
        if (col !== undefined) (col.variable.missing.values as SavValue[]).push(value);
      }
    });
  }
}

/** Reads the cases after the dictionary: plain, bytecode or ZLIB; up to the declared count, else to the end of the data. */
function readCases(
  bytes: Uint8Array,
  dataStart: number,
  header: SavHeader,
  dict: SavDictionary,
  columns: readonly Column[],
  text: (b: Uint8Array) => string,
  inflate: ParseSavOptions['inflate'],
): { compression: SavFile['compression']; declared: number | null; rows: (number | string | null)[][] } {
  const { compressionCode, little } = header;
  const compression = compressionCode === 0 ? 'none' : compressionCode === 1 ? 'bytecode' : compressionCode === 2 ? 'zlib' : null;
  if (compression === null) throw corrupt(`The SPSS header names compression ${compressionCode}, which is not 0, 1 or 2; the file is damaged.`);
  let data: Uint8Array = bytes.subarray(dataStart);
  if (compression === 'zlib') data = inflateBlocks(bytes, dataStart, little, inflate);
  const declared = dict.cases64 ?? (header.headerCases >= 0 ? header.headerCases : null);
  const elements = compression === 'none' ? plainElements(data) : bytecodeElements(data, header.bias);
  // Element layout of a case: one 8-byte element per variable record.
  const elementCount = dict.raw.length;
  const rows: (number | string | null)[][] = [];
  const caseElements: Element[] = new Array<Element>(elementCount);
  const dataOffset = dataStart;
  for (;;) {
    if (declared !== null && rows.length >= declared) break;
    let got = 0;
    for (; got < elementCount; got++) {
      const e = elements.next();
      if (e === null) break;
      caseElements[got] = e;
    }
    if (got === 0) break;
    if (got < elementCount) {
      throw corrupt(`The SPSS data end inside case ${rows.length + 1} (${got} of its ${elementCount} elements read): the file is truncated; copy it again or save it from SPSS again.`);
    }
    rows.push(columns.map((col) => cellOf(col, caseElements, little, text)));
  }
  if (declared !== null && rows.length < declared) {
    throw corrupt(`The SPSS header promises ${declared} cases but the data hold ${rows.length} (data start at byte ${dataOffset}): the file is truncated; copy it again.`);
  }
  return { compression, declared, rows };
}

/** One cell of a case: a number (SYSMIS as null, dates as ISO text) or a string stitched from its segments. */
function cellOf(col: Column, elems: Element[], little: boolean, text: (b: Uint8Array) => string): number | string | null {
  const v = col.variable;
  if (v.type === 'numeric') {
    const e = elems[col.segments[0]?.[0] as number] as Element;
    const value = e.kind === 'number' ? e.value : e.kind === 'raw' ? new DataView(e.source.buffer, e.source.byteOffset + e.offset, 8).getFloat64(0, little) : Number.NaN;
    if (e.kind === 'sysmis' || Number.isNaN(value) || value === SYSMIS) return null;
    if (v.isDate) return isoDate(value);
    return value;
  }
  // Strings: each segment's bytes, 255 per segment (the last gets the remainder).
  const parts: Uint8Array[] = [];
  let remaining = v.width;
  for (const [offset, segmentWidth] of col.segments) {
    const take = Math.min(remaining, col.segments.length > 1 ? 255 : segmentWidth, segmentWidth);
    const chunk = new Uint8Array(Math.ceil(segmentWidth / 8) * 8);
    for (let k = 0; k < Math.ceil(segmentWidth / 8); k++) {
      const e = elems[offset + k] as Element;
      if (e.kind === 'raw') chunk.set(e.source.subarray(e.offset, e.offset + 8), k * 8);
      else if (e.kind === 'number' && e.value === 0) chunk.fill(0, k * 8, k * 8 + 8);
      else chunk.fill(0x20, k * 8, k * 8 + 8);
    }
    parts.push(chunk.subarray(0, take));
    remaining -= take;
  }
  const joined = parts.length === 1 ? (parts[0] as Uint8Array) : concat(parts);
  return trimEnd(text(joined));
}

/** HIGHEST / LOWEST in missing ranges become infinities. */
function bound(value: number): number {
  if (value === Number.MAX_VALUE) return Number.POSITIVE_INFINITY;
  if (value === SYSMIS || value === -1.7976931348623155e308) return Number.NEGATIVE_INFINITY;
  return value;
}

function isoDate(seconds: number): string {
  const ms = (seconds - SPSS_EPOCH_OFFSET) * 1000;
  const date = new Date(Math.round(ms));
  if (Number.isNaN(date.getTime())) return String(seconds);
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
}

function latin(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The WHATWG encoding for the character encoding record, else the code page, else Windows-1252. */
function pickEncoding(name: string | null, codePage: number | null): string {
  const tryLabel = (label: string): string | null => {
    try {
      return new TextDecoder(label).encoding;
    } catch {
      return null;
    }
  };
  if (name !== null && name !== '') {
    const found = tryLabel(name);
    if (found !== null) return found;
  }
  const pages: Record<number, string> = { 65001: 'utf-8', 28591: 'iso-8859-1', 936: 'gbk', 950: 'big5', 932: 'shift_jis', 949: 'euc-kr', 20127: 'windows-1252', 2: 'windows-1252', 3: 'windows-1252' };
  if (codePage !== null) {
    const label = pages[codePage] ?? `windows-${codePage}`;
    const found = tryLabel(label);
    if (found !== null) return found;
  }
  return 'windows-1252';
}

/** Walks the entries of a long-string value-label or missing-value record (name length, name, rest). */
function forEachNamedEntry(data: Uint8Array, little: boolean, entry: (name: Uint8Array, reader: EntryReader) => void): void {
  const reader = new EntryReader(data, little);
  while (reader.pos < data.length) {
    const name = reader.bytes(reader.int32());
    entry(name, reader);
  }
}

class EntryReader {
  pos = 0;
  private readonly view: DataView;
  constructor(
    private readonly data: Uint8Array,
    private readonly little: boolean,
  ) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  private need(n: number): void {
    if (n < 0 || this.pos + n > this.data.length) throw corrupt('A long-string label or missing-value record in the SPSS dictionary is cut short; the file is damaged.');
  }
  int32(): number {
    this.need(4);
    const v = this.view.getInt32(this.pos, this.little);
    this.pos += 4;
    return v;
  }
  byte(): number {
    this.need(1);
    return this.data[this.pos++] as number;
  }
  bytes(n: number): Uint8Array {
    this.need(n);
    const b = this.data.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

type Element =
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'raw'; readonly source: Uint8Array; readonly offset: number }
  | { readonly kind: 'spaces' }
  | { readonly kind: 'sysmis' };

interface ElementSource {
  next(): Element | null;
}

const SPACES: Element = { kind: 'spaces' };
const MISSING: Element = { kind: 'sysmis' };

/** Uncompressed data: 8-byte elements back to back. */
function plainElements(data: Uint8Array): ElementSource {
  let pos = 0;
  return {
    next(): Element | null {
      if (pos + 8 > data.length) return null;
      const element: Element = { kind: 'raw', source: data, offset: pos };
      pos += 8;
      return element;
    },
  };
}

/** Bytecode-compressed data: blocks of 8 command bytes, each followed by its raw 8-byte values. */
function bytecodeElements(data: Uint8Array, bias: number): ElementSource {
  let pos = 0;
  let commands: Uint8Array | null = null;
  let k = 8;
  let ended = false;
  return {
    next(): Element | null {
      for (;;) {
        if (ended) return null;
        if (commands === null || k >= 8) {
          if (pos + 8 > data.length) {
            ended = true;
            return null;
          }
          commands = data.subarray(pos, pos + 8);
          pos += 8;
          k = 0;
        }
        const code = commands[k++] as number;
        if (code === 0) continue;
        if (code === 252) {
          ended = true;
          return null;
        }
        if (code === 253) {
          if (pos + 8 > data.length) {
            ended = true;
            return null;
          }
          const element: Element = { kind: 'raw', source: data, offset: pos };
          pos += 8;
          return element;
        }
        if (code === 254) return SPACES;
        if (code === 255) return MISSING;
        return { kind: 'number', value: code - bias };
      }
    },
  };
}

/** ZLIB-compressed data (.zsav): inflates each block listed in the trailer and joins them. */
function inflateBlocks(bytes: Uint8Array, dataStart: number, little: boolean, inflate: ((b: Uint8Array) => Uint8Array) | undefined): Uint8Array {
  if (inflate === undefined) throw corrupt('This SPSS file is ZLIB-compressed (.zsav) and no inflater was given; read it with readSurveyFile from "peak-end/node".');
  const c = new Cursor(bytes, little);
  c.pos = dataStart;
  const int64 = (what: string): number => {
    c.need(8, what);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = Number(view.getBigInt64(c.pos, little));
    c.pos += 8;
    return v;
  };
  int64('the ZLIB data header');
  const trailerOffset = int64('the ZLIB data header');
  const trailerLength = int64('the ZLIB data header');
  if (trailerOffset + trailerLength > bytes.length || trailerOffset < dataStart) {
    throw corrupt(`The ZLIB trailer of this .zsav file lies past its end (offset ${trailerOffset}, ${bytes.length} bytes): the file is truncated; copy it again.`);
  }
  c.pos = trailerOffset;
  int64('the ZLIB trailer');
  int64('the ZLIB trailer');
  c.int32('the ZLIB trailer');
  const blocks = c.int32('the ZLIB trailer');
  const parts: Uint8Array[] = [];
  for (let i = 0; i < blocks; i++) {
    int64('a ZLIB block descriptor');
    const compressedOffset = int64('a ZLIB block descriptor');
    c.int32('a ZLIB block descriptor');
    const compressedSize = c.int32('a ZLIB block descriptor');
    if (compressedOffset + compressedSize > bytes.length) throw corrupt(`ZLIB block ${i + 1} of this .zsav file lies past its end: the file is truncated; copy it again.`);
    try {
      parts.push(inflate(bytes.subarray(compressedOffset, compressedOffset + compressedSize)));
    } catch (cause) {
      throw new DataValidationError(
        [{ code: 'corrupt_file', path: [null, null], line: null, message: `ZLIB block ${i + 1} of this .zsav file does not inflate (${(cause as Error).message}); the file is damaged.`, input: null }],
        { cause },
      );
    }
  }
  return concat(parts);
}
