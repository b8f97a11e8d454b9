import type { APIRequestContext } from '@playwright/test';

export const adminToken = () => process.env.E2E_ADMIN_TOKEN!;

/** Logs an entry through the JSON API, as a script or a phone shortcut would. */
export async function logEntry(request: APIRequestContext, entry: Record<string, unknown>, baseURL = '') {
  const response = await request.post(`${baseURL}/api/media`, {
    headers: { authorization: `Bearer ${adminToken()}` },
    data: entry,
  });
  if (response.status() !== 201) throw new Error(`POST /api/media: ${response.status()} ${await response.text()}`);
  return (await response.json()).entry as { id: string; title: string };
}

/** A title no other test uses, so tests sharing one server do not see each other's entries. */
export const uniqueTitle = (base: string) => `${base} ${Math.random().toString(36).slice(2, 8)}`;
