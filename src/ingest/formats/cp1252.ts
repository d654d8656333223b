/**
 * Windows-1252 decoding written out, because some Node 20 builds' TextDecoder('windows-1252')
 * drops the bytes 0x80-0x9F (curly quotes, dashes, the euro sign) instead of mapping them.
 */

/** Code points of the bytes 0x80-0x9F (undefined bytes map to their C1 control, as WHATWG does). */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122,
  0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** Decodes Windows-1252 bytes. */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) {
    const chunk = bytes.subarray(i, i + 4096);
    out += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? (HIGH[b - 0x80] as number) : b)));
  }
  return out;
}
