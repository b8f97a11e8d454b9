// The quick log page and what the Web Share Target hands it (client and server alike).

export const QUICK_LOG_PATH = '/admin/log';

/** Query parameter names the manifest's share_target asks the system to fill. */
export const SHARE_PARAMS = { title: 'title', text: 'text', url: 'url' } as const;

export interface SharedItem {
  title: string;
  url: string;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+/i;

const isWebUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * The link and title of a share. Apps disagree on where they put things: many Android apps send
 * the link inside `text` ("Dune https://..."), some send a title, some nothing but the link.
 */
export function sharedItem(params: URLSearchParams): SharedItem {
  const rawUrl = (params.get(SHARE_PARAMS.url) ?? '').trim();
  const text = (params.get(SHARE_PARAMS.text) ?? '').trim();
  const fromText = URL_IN_TEXT.exec(text)?.[0] ?? '';
  const url = isWebUrl(rawUrl) ? rawUrl : isWebUrl(fromText) ? fromText : '';
  const textWithoutUrl = (fromText ? text.replace(fromText, '') : text).replace(/\s+/g, ' ').trim();
  const title = ((params.get(SHARE_PARAMS.title) ?? '').trim() || textWithoutUrl).slice(0, 300);
  return { title, url };
}
