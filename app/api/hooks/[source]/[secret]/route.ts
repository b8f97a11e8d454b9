import { answerOtherMethod, handleHookRequest } from '@/lib/hooks/handle';

export const dynamic = 'force-dynamic';

/**
 * `POST /api/hooks/<jellyfin|plex|emby>/<secret>`: a media server says something was played
 * (docs/automatic-logging.md). A wrong secret is a 404 that tells nothing.
 */
export async function POST(request: Request, { params }: { params: Promise<{ source: string; secret: string }> }) {
  const { source, secret } = await params;
  return handleHookRequest(request, source, secret);
}

/** A browser opening the URL: 405 with the right secret, the same 404 as any wrong one without. */
export async function GET(request: Request, { params }: { params: Promise<{ source: string; secret: string }> }) {
  return answerOtherMethod(request, (await params).secret);
}
