/** Why an outbound fetch did not give an answer. */
export type OutboundFailure = 'bad-url' | 'private-address' | 'timeout' | 'too-large' | 'too-many-redirects' | 'busy' | 'network';

export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundFailure,
    message: string,
    readonly url: string,
  ) {
    super(message);
  }
}
