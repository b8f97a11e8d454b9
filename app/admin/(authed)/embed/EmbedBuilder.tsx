'use client';
import { useEffect, useId, useRef, useState } from 'react';
import { DEFAULT_EMBED_OPTIONS, embedQuery, LAYOUTS, LIMIT_MAX, LIMIT_MIN, THEMES, type EmbedOptions } from '@/lib/embed/options';
import { HEIGHT_MESSAGE, HELLO_MESSAGE } from '@/lib/ui/embed/ReportHeight';
import { iframeSnippet, scriptSnippet } from '@/lib/embed/snippets';
import { KIND_INFO, KINDS, type Kind } from '@/lib/media/kinds';
import styles from './builder.module.css';

const capitalized = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** `defaults`: the owner's widget defaults (settings page); snippets name only what differs from them. */
export function EmbedBuilder({ siteUrl, defaults = DEFAULT_EMBED_OPTIONS }: { siteUrl: string; defaults?: EmbedOptions }) {
  const [options, setOptions] = useState<EmbedOptions>({ ...defaults, kinds: [] });
  const set = <K extends keyof EmbedOptions>(key: K, value: EmbedOptions[K]) => setOptions((o) => ({ ...o, [key]: value }));
  const toggleKind = (kind: Kind, on: boolean) =>
    set('kinds', KINDS.filter((k) => (k === kind ? on : options.kinds.includes(k))));
  const grid = options.layout === 'grid';
  const query = embedQuery(options, defaults);

  return (
    <div className={styles.builder}>
      <form className={styles.options} onSubmit={(e) => e.preventDefault()} aria-label="Widget options">
        <fieldset>
          <legend>Kinds</legend>
          <p className={styles.hint}>None checked shows every kind.</p>
          <div className={styles.choices}>
            {KINDS.map((kind) => (
              <label key={kind}>
                <input type="checkbox" name="kind" value={kind} checked={options.kinds.includes(kind)} onChange={(e) => toggleKind(kind, e.target.checked)} />{' '}
                {capitalized(KIND_INFO[kind].plural)}
              </label>
            ))}
          </div>
        </fieldset>

        <label className={styles.field}>
          How many
          <input
            type="number"
            name="limit"
            min={LIMIT_MIN}
            max={LIMIT_MAX}
            value={options.limit}
            onChange={(e) => {
              const n = e.target.valueAsNumber;
              if (Number.isInteger(n) && n >= LIMIT_MIN && n <= LIMIT_MAX) set('limit', n);
            }}
          />
        </label>

        <label className={styles.field}>
          Theme
          <select name="theme" value={options.theme} onChange={(e) => set('theme', e.target.value as EmbedOptions['theme'])}>
            {THEMES.map((t) => (
              <option key={t} value={t}>
                {t === 'auto' ? 'Auto (follows the visitor)' : capitalized(t)}
              </option>
            ))}
          </select>
        </label>

        <label className={styles.field}>
          Layout
          <select name="layout" value={options.layout} onChange={(e) => set('layout', e.target.value as EmbedOptions['layout'])}>
            {LAYOUTS.map((l) => (
              <option key={l} value={l}>
                {l === 'list' ? 'List' : 'Grid of covers'}
              </option>
            ))}
          </select>
        </label>

        <fieldset>
          <legend>Show</legend>
          <div className={styles.choices}>
            <label>
              <input type="checkbox" name="covers" checked={grid || options.covers} disabled={grid} onChange={(e) => set('covers', e.target.checked)} /> Covers
            </label>
            <label>
              <input type="checkbox" name="ratings" checked={options.ratings} onChange={(e) => set('ratings', e.target.checked)} /> Ratings
            </label>
            <label>
              <input type="checkbox" name="reviews" checked={!grid && options.reviews} disabled={grid} onChange={(e) => set('reviews', e.target.checked)} /> Reviews
            </label>
            <label>
              <input type="checkbox" name="now" checked={options.now} onChange={(e) => set('now', e.target.checked)} /> Now (in progress)
            </label>
          </div>
          {grid && <p className={styles.hint}>The grid always shows covers, and no reviews.</p>}
        </fieldset>
      </form>

      <section className={styles.preview} aria-labelledby="preview-heading">
        <h2 id="preview-heading">Preview</h2>
        <Preview src={`/embed${query ? `?${query}` : ''}`} />
      </section>

      <section className={styles.snippets} aria-labelledby="snippet-heading">
        <h2 id="snippet-heading">Snippet</h2>
        <Snippet
          label="Script tag (recommended: sizes itself to its content)"
          code={scriptSnippet(siteUrl, options, defaults)}
        />
        <Snippet label="Plain iframe (for sites that allow no scripts; fixed height)" code={iframeSnippet(siteUrl, options, defaults)} />
      </section>
    </div>
  );
}

/** The real widget in an iframe, kept as tall as its content like embed.js does on other sites. */
function Preview({ src }: { src: string }) {
  const ref = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(160);
  const hello = () => ref.current?.contentWindow?.postMessage({ type: HELLO_MESSAGE }, window.location.origin);
  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || event.source !== ref.current?.contentWindow) return;
      const data = event.data as { type?: unknown; height?: unknown } | null;
      if (data?.type === HEIGHT_MESSAGE && typeof data.height === 'number') setHeight(Math.ceil(data.height));
    };
    window.addEventListener('message', onMessage);
    // The frame may have loaded and reported before this page hydrated: ask again now.
    hello();
    return () => window.removeEventListener('message', onMessage);
  }, []);
  return <iframe ref={ref} src={src} title="Widget preview" className={styles.frame} style={{ height }} onLoad={hello} data-testid="embed-preview" />;
}

function Snippet({ label, code }: { label: string; code: string }) {
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => setCopied(false), [code]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
    } catch {
      // No clipboard API (plain http, or permission refused): the selected text copies the old way.
      ref.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  }

  return (
    <div className={styles.snippet}>
      <label htmlFor={id}>{label}</label>
      <textarea id={id} ref={ref} readOnly value={code} rows={3} spellCheck={false} onFocus={(e) => e.target.select()} />
      <div className={styles.copyRow}>
        <button type="button" onClick={copy}>
          Copy
        </button>
        <span role="status" className={styles.copied}>
          {copied ? 'Copied' : ''}
        </span>
      </div>
    </div>
  );
}
