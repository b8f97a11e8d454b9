import { revokeFromForm, tokenRequestForm } from '@/lib/indieauth/token-request';

export const dynamic = 'force-dynamic';

/** Token revocation (RFC 7009): `token=...`; 200 whether or not the token was live. */
export async function POST(request: Request) {
  const read = await tokenRequestForm(request);
  return 'response' in read ? read.response : revokeFromForm(read.form);
}
