// A ZIP upload, inflated as a stream (fflate's Unzip): only the files asked for, and never more
// than a total number of bytes unpacked, so a small archive of huge files (a "ZIP bomb") is
// refused after the cap instead of filling the memory.
import { Unzip, UnzipInflate } from 'fflate';
import { ImportFormatError } from './format-error';
import { slicer } from './yielding';

/** A ZIP file starts with the local file header signature PK\x03\x04. */
export const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** IMPORT_MAX_UNZIPPED_BYTES, default 64 MiB: the most an upload's wanted files may unpack to, together. */
export const importMaxUnzippedBytes = () => {
  const value = Number(process.env.IMPORT_MAX_UNZIPPED_BYTES);
  return Number.isSafeInteger(value) && value > 0 ? value : 64 * 1024 * 1024;
};

/**
 * Compressed bytes handed to the inflater at a time. Deflate packs up to about 1,000:1, and each
 * push is inflated whole before the cap is checked, so this bounds the overshoot (to ~8 MiB).
 */
const INPUT_SLICE = 8 * 1024;

/**
 * The text of the files whose exact path (inside the archive) is in `names`, by path; absent when
 * the archive has none. Throws ImportFormatError when it cannot be read, and a 413 one past `maxBytes` unpacked.
 */
export async function readZipTexts(
  bytes: Uint8Array,
  names: readonly string[],
  what: string,
  maxBytes = importMaxUnzippedBytes(),
  /** Told each inflated chunk's size (tests count what was unpacked). */
  onInflated?: (bytes: number) => void,
): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  let total = 0;
  let failure: Error | undefined;
  const unzip = new Unzip((file) => {
    if (!names.includes(file.name) || texts.has(file.name) || failure) return;
    const decoder = new TextDecoder();
    let text = '';
    file.ondata = (err, chunk, final) => {
      if (failure) return;
      if (err) {
        failure = new ImportFormatError(`${what} cannot be opened: ${err.message}`);
        return;
      }
      total += chunk.length;
      onInflated?.(chunk.length);
      if (total > maxBytes) {
        failure = new ImportFormatError(`${what} unpacks to more than ${maxBytes} bytes (IMPORT_MAX_UNZIPPED_BYTES)`, 413);
        file.terminate();
        return;
      }
      text += decoder.decode(chunk, { stream: !final });
      if (final) texts.set(file.name, text);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  const pause = slicer();
  try {
    for (let at = 0; at < bytes.length && !failure; at += INPUT_SLICE) {
      unzip.push(bytes.subarray(at, at + INPUT_SLICE), at + INPUT_SLICE >= bytes.length);
      await pause();
    }
  } catch (err) {
    failure ??= new ImportFormatError(`${what} cannot be opened: ${(err as Error).message}`);
  }
  if (failure) throw failure;
  return texts;
}

/** The paths of the files in the archive (nothing is inflated). */
export async function listZip(bytes: Uint8Array, what: string): Promise<string[]> {
  const names: string[] = [];
  const unzip = new Unzip((file) => void names.push(file.name));
  const pause = slicer();
  try {
    for (let at = 0; at < bytes.length; at += 64 * INPUT_SLICE) {
      unzip.push(bytes.subarray(at, at + 64 * INPUT_SLICE), at + 64 * INPUT_SLICE >= bytes.length);
      await pause();
    }
  } catch (err) {
    throw new ImportFormatError(`${what} cannot be opened: ${(err as Error).message}`);
  }
  return names;
}
