import { textAnswer, type Answer } from './http/answer';

/** GET /healthz: liveness, and the benchmarks' "hello world" baseline. */
export function healthAnswer(): Answer {
  return textAnswer('ok');
}
