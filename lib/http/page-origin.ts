import 'server-only';
import { headers } from 'next/headers';
import { publicOriginOf } from './public-origin';

/** For server components and generateMetadata: the public origin of the request being rendered. */
export async function pageOrigin(): Promise<string> {
  return publicOriginOf(await headers());
}
