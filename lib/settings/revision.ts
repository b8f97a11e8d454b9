// The settings' revision as last read or saved in this process, readable without I/O: the edge
// puts it in the version of every route that reads the settings (lib/edge/version.ts), so answers
// made before a save are never served after it. 0 until the document is first read (a page then
// renders once more when the real revision is known; nothing stale is served).
import { singleton } from '../eventstore/registry';

const holder = () => singleton('settings-revision', () => ({ value: 0 }));

export const settingsRevision = (): number => holder().value;

export function noteSettingsRevision(revision: number): void {
  holder().value = revision;
}
