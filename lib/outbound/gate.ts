import { OutboundError } from './errors';

/**
 * At most `concurrent` outbound fetches at once and `queued` waiting, for the whole process: what
 * anonymous visitors can set off (a Webmention to verify, a client_id page) never holds more than
 * that many sockets and waiters, whoever sends it. Past the queue, a fetch fails at once as `busy`.
 */
export class OutboundGate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrent: number,
    private readonly queued: number,
  ) {}

  static fromEnv(): OutboundGate {
    const number = (name: string, fallback: number) => {
      const value = Number(process.env[name]);
      return Number.isSafeInteger(value) && value > 0 ? value : fallback;
    };
    return new OutboundGate(number('OUTBOUND_MAX_CONCURRENT', 16), number('OUTBOUND_MAX_QUEUED', 256));
  }

  /** Resolves with the release function once a slot is free. */
  enter(url: string): Promise<() => void> {
    if (this.running < this.concurrent) {
      this.running++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= this.queued) return Promise.reject(new OutboundError('busy', `Too many outbound fetches at once; ${url} was not fetched`, url));
    return new Promise((resolve) => this.waiting.push(() => resolve(this.releaser())));
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    };
  }
}
