import 'server-only';
// A read delivery carried out: planned against the log as it is (plan.ts), a cover looked up for a
// new entry (enrich.ts), then logged or edited through the media commands, so an automatic entry
// passes the same schema and rules as one typed in the form.
import { logAutomatic, patchEntry } from '../media/commands';
import type { LoggedBy } from '../media/logged-by';
import { readyMediaStore } from '../media/store';
import { ownerToday } from '../media/today';
import { enrich } from './enrich';
import type { Became } from './hooks-document';
import type { HookIntent } from './intent';
import { planDelivery, type HookSettings } from './plan';

export interface Outcome {
  became: Became;
  detail: string;
  title?: string;
  entryId?: string;
  /** Set for `refused`: the entry's fields the delivery failed (a title too long), or 503. */
  fields?: Record<string, string>;
  status?: 503;
}

export async function carryOut(source: LoggedBy, intent: HookIntent, settings: HookSettings): Promise<Outcome> {
  const store = await readyMediaStore();
  const plan = planDelivery(intent, store.snapshot(), { source, today: ownerToday(), settings });
  if (plan.action === 'none') return { became: plan.became, detail: plan.detail, title: plan.title, entryId: plan.entryId };
  if (plan.action === 'edit') {
    const edited = await patchEntry(plan.entryId, plan.patch, plan.eventId);
    if (!edited.ok) return { became: 'refused', detail: edited.error, title: plan.title, entryId: plan.entryId, fields: edited.fields, status: edited.status === 503 ? 503 : undefined };
    return { became: 'updated', detail: plan.detail, title: edited.value.title, entryId: plan.entryId };
  }
  const { input, note } = await enrich(plan);
  const logged = await logAutomatic(input, { entryId: plan.entryId, eventId: plan.eventId, loggedBy: source });
  if (!logged.ok) return { became: 'refused', detail: logged.error, title: String(input.title), fields: logged.fields, status: logged.status === 503 ? 503 : undefined };
  const { entry, duplicate } = logged.value;
  if (duplicate) return { became: 'duplicate', detail: `already logged today as “${entry.title}”`, title: entry.title, entryId: entry.id };
  const what = entry.status === 'finished' ? `finished ${entry.kind}` : `${entry.kind} in progress${entry.progressNote ? ` at ${entry.progressNote}` : ''}`;
  return { became: 'logged', detail: [`${what}, ${entry.visibility}${entry.announce ? ', announced' : ''}`, note].filter(Boolean).join('; '), title: entry.title, entryId: entry.id };
}
