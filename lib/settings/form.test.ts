import { describe, expect, it } from 'vitest';
import { settingsFromEnv } from './defaults';
import { formValuesOfSettings, parseSettingsForm, type SettingsFormValues } from './form';

const base: SettingsFormValues = formValuesOfSettings(settingsFromEnv({ SHELF_OWNER_NAME: 'Ada', SHELF_OWNER_BIO: 'Reads.' }));

describe('settings form', () => {
  it('takes the environment as the defaults of a fresh install', () => {
    expect(settingsFromEnv({ SHELF_OWNER_NAME: ' Ada ', SHELF_SITE_TITLE: 'Ada reads' })).toMatchObject({ ownerName: 'Ada', siteTitle: 'Ada reads', links: [] });
    // No name set: no made-up name (the title is then the site's, never "About My shelf").
    expect(settingsFromEnv({}).ownerName).toBe('');
    expect(settingsFromEnv({}).siteTitle).toBe('Shelf');
  });

  it('reads links one per line, a bare address named by its host, and normalises the bio', () => {
    const parsed = parseSettingsForm({ ...base, bio: 'One.\r\n\r\nTwo.', links: 'Mastodon https://social.example/@ada\r\n\r\nhttps://ada.example/\n', limit: '8', theme: 'dark' });
    expect(parsed).toEqual({
      ok: true,
      settings: expect.objectContaining({
        bio: 'One.\n\nTwo.',
        links: [
          { label: 'Mastodon', url: 'https://social.example/@ada' },
          { label: 'ada.example', url: 'https://ada.example/' },
        ],
        widget: expect.objectContaining({ limit: 8, theme: 'dark' }),
      }),
    });
  });

  it('names each bad field with a message for the form', () => {
    const parsed = parseSettingsForm({ ...base, siteTitle: ' ', avatarUrl: 'javascript:alert(1)', links: 'Home https://ok.example\nEvil javascript:alert(1)', limit: '99', theme: 'neon' });
    expect(parsed).toEqual({
      ok: false,
      fields: {
        siteTitle: 'Site title is required',
        avatarUrl: 'Avatar must be a full http:// or https:// address',
        links: 'Line 2: A link must be a full http:// or https:// address',
        limit: 'How many must be from 1 to 50',
        theme: 'Theme must be one of: auto, light, dark',
      },
    });
  });
});

describe('settings links', () => {
  it('refuses addresses that are not absolute http(s)://host, as entry links do', () => {
    for (const url of ['http:evil.com', '//evil.com', 'javascript:alert(1)', 'https:/evil.com']) {
      expect(parseSettingsForm({ ...base, links: `Home ${url}` })).toMatchObject({ ok: false, fields: { links: expect.stringMatching(/^Line 1: /) } });
    }
  });
});
