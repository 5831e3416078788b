// Layer compression by magic bytes (the media type can lie or be absent), and streaming decoders.
import { Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { Decompress } from 'fzstd';

export type Compression = 'none' | 'gzip' | 'zstd';

export type Sniffed = { compression: Compression } | { unsupported: string };

/** Looks at the first bytes of a blob. Anything not recognised is read as a plain tar. */
export function sniffCompression(head: Buffer): Sniffed {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return { compression: 'gzip' };
  if (head.length >= 4 && head.readUInt32LE(0) === 0xfd2fb528) return { compression: 'zstd' };
  if (head.length >= 3 && head.toString('latin1', 0, 3) === 'BZh') return { unsupported: 'bzip2' };
  if (head.length >= 6 && head.subarray(0, 6).equals(Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]))) return { unsupported: 'xz' };
  return { compression: 'none' };
}

/** True when a 512-byte block carries the ustar/GNU magic at offset 257 (a tar header). */
export function looksLikeTar(head: Buffer): boolean {
  return head.length >= 263 && head.toString('latin1', 257, 262) === 'ustar';
}

/** fzstd's streaming decoder as a Node Transform (Node 20's zlib has no zstd). */
function zstdDecoder(): Transform {
  let decoder: Decompress;
  const transform = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      try {
        decoder.push(chunk);
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
    flush(callback) {
      try {
        decoder.push(new Uint8Array(0), true);
        callback();
      } catch (err) {
        callback(err as Error);
      }
    },
  });
  // fzstd may hand out views of its window buffer, which it reuses: copy before passing on.
  decoder = new Decompress((data) => { if (data.length) transform.push(Buffer.from(data)); });
  return transform;
}

export function decoderFor(compression: Compression): Transform | undefined {
  if (compression === 'gzip') return createGunzip({ chunkSize: 64 * 1024 });
  if (compression === 'zstd') return zstdDecoder();
  return undefined;
}
