// Answers in the JSON shape OAuth 2.0, IndieAuth and Micropub share: `{ error, error_description }`
// for errors, never cached (tokens and codes pass through these).
import { json } from '../http/json';

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' };

export const oauthJson = (body: unknown, status = 200, headers: Record<string, string> = {}) => json(body, status, { ...NO_STORE, ...headers });

export const oauthError = (status: number, error: string, description: string, headers: Record<string, string> = {}, extra: Record<string, unknown> = {}) =>
  oauthJson({ error, error_description: description, ...extra }, status, headers);
