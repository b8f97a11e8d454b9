import { federationAnswer } from '@/lib/fediverse/http';

// WebFinger (`?resource=acct:<handle>@<host>` or the actor's URL): Fedify answers.
export const dynamic = 'force-dynamic';
export const GET = (request: Request) => federationAnswer(request);
