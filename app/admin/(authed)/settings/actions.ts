'use server';

import { isAdmin, NOT_LOGGED_IN } from '@/lib/auth';
import { fixSummaryWith } from '@/lib/settings/messages';
import { formValuesOfSettings, parseSettingsForm, readSettingsForm, SETTINGS_FIELD_LABELS, type SettingsFormValues } from '@/lib/settings/form';
import { saveSettings } from '@/lib/settings/store';

export interface SettingsFormState {
  status: 'idle' | 'saved' | 'error';
  message?: string;
  /** Error per field, shown next to it. */
  fields: Record<string, string>;
  /** What the inputs show: the input as typed after an error, the saved settings after a save. */
  values: SettingsFormValues;
}

export async function saveSettingsAction(_prev: SettingsFormState, form: FormData): Promise<SettingsFormState> {
  const values = readSettingsForm(form);
  if (!(await isAdmin())) return { status: 'error', message: NOT_LOGGED_IN, fields: {}, values };
  const parsed = parseSettingsForm(values);
  if (!parsed.ok) return { status: 'error', message: `Not saved. ${fixSummaryWith(parsed.fields, SETTINGS_FIELD_LABELS)}`, fields: parsed.fields, values };
  const saved = await saveSettings(parsed.settings);
  return { status: 'saved', message: 'Saved. Your pages and the widget show it now.', fields: {}, values: formValuesOfSettings(saved) };
}
