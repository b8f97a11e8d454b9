import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireAdmin } from '@/lib/auth';
import { formValuesOfSettings } from '@/lib/settings/form';
import { readSettings } from '@/lib/settings/store';
import { AutomaticLogging } from './AutomaticLogging';
import { FediverseSettings } from './FediverseSettings';
import { IndieWebSettings } from './IndieWebSettings';
import { SettingsForm } from './SettingsForm';
import styles from '../admin.module.css';

export const metadata: Metadata = { title: 'Settings' };

/** Admin: the owner's name, bio, avatar, links, the site's title and the widget's defaults; then each feature's own section. */
export default async function SettingsPage() {
  await connection();
  await requireAdmin();
  const settings = await readSettings();
  return (
    <>
      <section aria-labelledby="settings-heading" className={styles.card}>
        <h1 id="settings-heading">Settings</h1>
        <p className="muted">
          What your About page, feeds and widget say about you. Saved beside the logs (events/settings.json); changes show on the next
          page load. Until the first save, the environment (SHELF_OWNER_NAME, SHELF_OWNER_BIO, SHELF_SITE_TITLE, SHELF_AVATAR_URL) supplies them.
        </p>
        <SettingsForm initial={{ status: 'idle', fields: {}, values: formValuesOfSettings(settings) }} />
      </section>
      <FediverseSettings />
      <IndieWebSettings />
      <AutomaticLogging />
    </>
  );
}
