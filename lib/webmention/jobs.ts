// The work a processor's handler starts for an event (a send, a verification), held so that the
// checkpoint passes the event only once the work has a recorded outcome: one job at a time per
// key (a later version waits for the earlier one), at most `concurrency` at once overall.

export class Jobs {
  private readonly chains = new Map<string, Promise<boolean>>();
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly log: Pick<Console, 'error'> = console,
  ) {}

  /**
   * Runs `work` after the key's previous job; `release` (from the processor's hold) is called when
   * it settles with true. The promise settles with the job (for the processor to track). False (stopped, or its outcome could not be recorded) keeps the event
   * held: the next start handles it again.
   */
  add(key: string, release: () => void, work: () => Promise<boolean>): Promise<void> {
    const job = (this.chains.get(key) ?? Promise.resolve(true)).then(() => this.slot(work));
    this.chains.set(key, job);
    return job.then((settled) => {
      if (this.chains.get(key) === job) this.chains.delete(key);
      if (settled) release();
    });
  }

  private async slot(work: () => Promise<boolean>): Promise<boolean> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running++;
    try {
      return await work();
    } catch (err) {
      // Unexpected: said, and the event stays held until a restart handles it again.
      this.log.error(`webmention: a job stopped on an unexpected error: ${(err as Error).stack ?? err}`);
      return false;
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
