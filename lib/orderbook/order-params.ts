import { z } from 'zod';
import { MAX_PRICE } from './events';

/** Plain decimal digits, no sign, no leading zeros, no exponent or fraction: the only spelling accepted. */
const CANONICAL_INTEGER = /^(?:0|[1-9][0-9]{0,15})$/;

const USER_MESSAGE = `must be a whole number from 0 to ${Number.MAX_SAFE_INTEGER}, in plain digits`;
const PRICE_MESSAGE = `must be a whole number from 1 to ${MAX_PRICE}, in plain digits`;

const integerSegment = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .regex(CANONICAL_INTEGER, { error: message })
    .transform(Number)
    .pipe(z.int({ error: message }).min(min, { error: message }).max(max, { error: message }));

const orderParams = z.object({
  user: integerSegment(0, Number.MAX_SAFE_INTEGER, USER_MESSAGE),
  price: integerSegment(1, MAX_PRICE, PRICE_MESSAGE),
});

export type OrderParams = z.infer<typeof orderParams>;

/** The `<user>` and `<price>` path segments of /buy and /sell, or a message per bad field. */
export function parseOrderParams(
  params: { user?: unknown; price?: unknown },
): { ok: true; value: OrderParams } | { ok: false; fields: Partial<Record<keyof OrderParams, string>> } {
  const parsed = orderParams.safeParse(params);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields: Partial<Record<keyof OrderParams, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof OrderParams;
    fields[field] ??= issue.message;
  }
  return { ok: false, fields };
}
