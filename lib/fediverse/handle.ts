import { handleSchema } from './events';
import type { FediverseState } from './projection';

/** SHELF_HANDLE when it is a valid handle, else `shelf`. */
export function defaultHandle(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const parsed = handleSchema.safeParse(env.SHELF_HANDLE ?? '');
  return parsed.success ? parsed.data : 'shelf';
}

/** The handle in effect: the one set on /admin/settings, else the default. */
export const currentHandle = (state: Pick<FediverseState, 'handle'>) => state.handle ?? defaultHandle();
