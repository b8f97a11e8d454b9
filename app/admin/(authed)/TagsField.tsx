'use client';

import { useState } from 'react';
import { LIMITS, normaliseTag } from '@/lib/media/fields';
import { splitTags } from '@/lib/media/form-values';
import styles from './admin.module.css';

/**
 * Tags as chips: type one and press Enter or comma (suggestions from tags already in use, via a
 * datalist); × removes one. What is sent is the hidden `tags` input, comma separated, including a
 * tag still being typed, so nothing is lost by submitting without pressing Enter.
 */
export function TagsField({ initial, suggestions, error }: { initial: string; suggestions: readonly string[]; error?: string }) {
  const [tags, setTags] = useState(() => [...new Set(splitTags(initial).map(normaliseTag))]);
  const [typing, setTyping] = useState('');
  const add = (text: string) => {
    const next = [...new Set([...tags, ...splitTags(text).map(normaliseTag)])];
    setTags(next);
    setTyping('');
  };
  const sent = [...tags, ...splitTags(typing).map(normaliseTag)];
  return (
    <div className={styles.field}>
      <label htmlFor="tag-input">
        Tags <span className={styles.hint}>up to {LIMITS.tags}; Enter or comma adds one</span>
      </label>
      <div className={styles.tags}>
        {tags.map((tag) => (
          <span key={tag} className={styles.tagChip} data-tag={tag}>
            #{tag}
            <button type="button" aria-label={`Remove tag ${tag}`} onClick={() => setTags(tags.filter((t) => t !== tag))}>
              ×
            </button>
          </span>
        ))}
        <input
          id="tag-input"
          list="tag-suggestions"
          value={typing}
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'tags-error' : undefined}
          onChange={(e) => {
            const value = e.target.value;
            if (value.includes(',')) add(value);
            else setTyping(value);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault(); // adds the tag, does not submit the form
              if (typing.trim()) add(typing);
            } else if (e.key === 'Backspace' && typing === '' && tags.length > 0) setTags(tags.slice(0, -1));
          }}
        />
      </div>
      <datalist id="tag-suggestions">
        {suggestions
          .filter((s) => !tags.includes(s))
          .map((s) => (
            <option key={s} value={s} />
          ))}
      </datalist>
      <input type="hidden" name="tags" value={sent.join(', ')} />
      {error && (
        <p id="tags-error" className={styles.fieldError}>
          {error}
        </p>
      )}
    </div>
  );
}
