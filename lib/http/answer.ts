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

/** The answer as a fetch Response (Next's route handlers); a Response is passed through. */
export const toResponse = (answer: Answer | Response): Response =>
  answer instanceof Response ? answer : new Response(answer.body, { status: answer.status, headers: answer.headers });

/** A Response as an answer (the front door writes answers), its body read as text. */
export async function answerOf(answer: Answer | Response): Promise<Answer> {
  if (!(answer instanceof Response)) return answer;
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value; // hot routes set no cookies
  });
  return { status: answer.status, headers, body: answer.body === null ? null : await answer.text() };
}
