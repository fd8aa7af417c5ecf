// Reading a file's bytes the way a front end should: decode as UTF-8 (as `readFileSync(path, 'utf8')`
// does, invalid bytes becoming U+FFFD) and say where the bytes were not UTF-8 or looked binary. The
// engine only sees the decoded text; it reports U+FFFD and NUL itself (src/core/text/encoding.ts), but
// only a reader of the bytes can tell a real U+FFFD from a decoding error: the CLI and the Node API read
// files with the engine's decodeUtf8 and pass `validUtf8` on. This one also says where the bytes went wrong.
import { nth } from './nth';

export interface Decoded {
  text: string;
  /** Byte offset of the first byte sequence that is not UTF-8, if any. */
  invalidAt?: number;
  /** A NUL byte: the file is binary. */
  binary: boolean;
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const invalidAt = firstInvalidUtf8(bytes);
  return { text, binary: bytes.includes(0), ...(invalidAt === undefined ? {} : { invalidAt }) };
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number | undefined {
  for (let i = 0; i < bytes.length; ) {
    const b = nth(bytes, i);
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!length) return i;
    for (let k = 1; k < length; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      // Overlong, surrogate and out-of-range forms (the second byte's allowed range).
      if (k === 1 && ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f) || (b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f))) return i;
    }
    i += length;
  }
  return undefined;
}
