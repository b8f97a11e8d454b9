/**
 * A route's answer as plain data: what Next's route handlers turn into a Response and the front
 * door (lib/front-door) writes to the Node response, so that both give the same answer from the
 * same code.
 */
export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export const textAnswer = (body: string, status = 200, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body,
});

export const jsonAnswer = (value: unknown, status = 200, headers: Record<string, string> = {}): Answer => ({
  status,
  headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify(value),
});

/** The answer as a fetch Response (Next's route handlers). */
export const toResponse = (answer: Answer): Response =>
  new Response(answer.body, { status: answer.status, headers: answer.headers });
