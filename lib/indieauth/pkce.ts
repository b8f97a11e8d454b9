// PKCE (RFC 7636), S256 only: the IndieAuth spec requires it of every client.
import { createHash } from 'node:crypto';

/** 43-128 characters of the unreserved set (RFC 7636 section 4.1). */
export const isCodeVerifier = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9\-._~]{43,128}$/.test(value);

/** A SHA-256 digest in base64url without padding is exactly 43 characters. */
export const isS256Challenge = (value: unknown): value is string => typeof value === 'string' && /^[A-Za-z0-9\-_]{43}$/.test(value);

export const s256 = (verifier: string) => createHash('sha256').update(verifier, 'ascii').digest('base64url');
