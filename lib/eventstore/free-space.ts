import { StoreUnavailableError } from './errors';

export const DEFAULT_MIN_FREE_BYTES = 64 * 1024 * 1024;
/** statfs is asked at most this often; in between, the bytes this store wrote are subtracted. */
const RECHECK_MS = 1000;

/** MIN_FREE_BYTES from the environment (bytes, a whole number; 0 turns the floor off). */
export function minFreeBytesFromEnv(env: Record<string, string | undefined> = process.env): number {
  const raw = env.MIN_FREE_BYTES;
  if (raw === undefined || raw === '') return DEFAULT_MIN_FREE_BYTES;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`MIN_FREE_BYTES must be a whole number of bytes, not ${JSON.stringify(raw)}`);
  return n;
}

/**
 * The free-space floor: writes stop while fewer than `floor` bytes are free where the log lives,
 * so the owner's own logging still has room when the demo (or anything else) fills the disk.
 * Costs one statfs a second at most; between two, an estimate (last reading minus what was written).
 */
export class FreeSpaceFloor {
  private free = Number.POSITIVE_INFINITY;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private reading?: Promise<void>;

  constructor(
    private readonly floor: number,
    private readonly measure: (() => Promise<number>) | undefined,
    private readonly label: string,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Throws StoreUnavailableError when under the floor (a fresh reading when the last is stale). */
  async check(): Promise<void> {
    if (this.floor <= 0 || !this.measure) return;
    if (this.now() - this.checkedAt >= RECHECK_MS || this.free < this.floor) await this.refresh();
    const reason = this.refusal();
    if (reason) throw new StoreUnavailableError(reason);
  }

  /** Bytes just written: counted against the last reading until the next one. */
  wrote(bytes: number): void {
    this.free -= bytes;
  }

  /**
   * Why writes are refused now, by the last reading: no I/O here (for /healthz), but a reading
   * older than RECHECK_MS is refreshed in the background for the next call.
   */
  refusal(): string | undefined {
    if (this.floor <= 0 || !this.measure) return undefined;
    if (this.now() - this.checkedAt >= RECHECK_MS) this.refresh().catch(() => {});
    if (this.free >= this.floor) return undefined;
    return `${this.label}: only ${formatBytes(this.free)} free, under the floor of ${formatBytes(this.floor)} (MIN_FREE_BYTES); free some space and writes resume`;
  }

  private refresh(): Promise<void> {
    // Concurrent checks share one statfs; a reading younger than 50 ms is not repeated even under the floor.
    if (this.now() - this.checkedAt < 50) return Promise.resolve();
    this.reading ??= this.measure!()
      .then((free) => {
        this.free = free;
        this.checkedAt = this.now();
      })
      .finally(() => (this.reading = undefined));
    return this.reading;
  }
}

const formatBytes = (n: number) => (n >= 1 << 20 ? `${Math.floor(n / (1 << 20))} MiB` : `${Math.max(0, Math.floor(n))} bytes`);
