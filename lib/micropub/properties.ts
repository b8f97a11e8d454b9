// Micropub's vocabulary (microformats2 properties) mapped onto Shelf's entry fields, both ways.
// The result is the same raw input the admin form and POST /api/media produce, so it goes
// through the same validation and commands (lib/media/commands.ts).
import { htmlToText } from '../indieweb/html';
import type { Entry } from '../media/projection';
import type { Kind } from '../media/kinds';
import type { MicropubValue, Properties } from './request';

/** The property that names the work, and the kinds it may be (the first is the default). */
export const WORK_PROPERTIES = {
  'read-of': ['book', 'article'],
  'watch-of': ['movie', 'show'],
  'listen-of': ['podcast'],
  'play-of': ['game'],
} as const satisfies Record<string, readonly Kind[]>;
export type WorkProperty = keyof typeof WORK_PROPERTIES;

export const workPropertyOf = (kind: Kind): WorkProperty =>
  (Object.keys(WORK_PROPERTIES) as WorkProperty[]).find((p) => (WORK_PROPERTIES[p] as readonly Kind[]).includes(kind))!;

/** Which Micropub property each entry field comes from, for error messages that name what the client sent. */
export const PROPERTY_OF_FIELD: Record<string, string> = {
  kind: 'kind',
  title: 'name (of the work)',
  creator: 'author (of the work)',
  url: 'url (of the work)',
  coverUrl: 'photo',
  rating: 'rating',
  review: 'content',
  status: 'read-status',
  startedOn: 'published',
  finishedOn: 'published',
  visibility: 'visibility',
  announce: 'mp-syndicate-to',
  tags: 'category',
  progress: 'progress',
};

export type Mapped<T> = { ok: true; value: T } | { ok: false; description: string };
const refuse = (description: string): { ok: false; description: string } => ({ ok: false, description });

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A plain value: a string, or an object's `value` (a photo with alt text, content with html). */
function text(value: MicropubValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (isObject(value)) {
    if (typeof value.value === 'string') return value.value;
    if (typeof value.html === 'string') return htmlToText(value.html);
  }
  return undefined;
}

interface Work {
  title?: string;
  creator?: string;
  url?: string;
  coverUrl?: string;
}

/** A work given as a URL, or as an h-cite (name, author, url, photo). */
function readWork(value: MicropubValue): Mapped<Work> {
  if (typeof value === 'string') return { ok: true, value: { url: value } };
  if (!isObject(value) || !isObject(value.properties)) return refuse('the work must be a URL or an h-cite with properties');
  const props = value.properties as Record<string, unknown>;
  const first = (name: string) => (Array.isArray(props[name]) ? text(props[name][0] as MicropubValue) : undefined);
  // The author may be a name, or an h-card whose name is the author's.
  const author = Array.isArray(props.author) ? props.author[0] : undefined;
  const creator = isObject(author) && isObject(author.properties) && Array.isArray(author.properties.name) ? text(author.properties.name[0] as MicropubValue) : text(author as MicropubValue);
  return { ok: true, value: { title: first('name'), creator, url: first('url'), coverUrl: first('photo') } };
}

export interface CreateInput {
  /** The entry as the form and the API send it (validated by the shared schema next). */
  raw: Record<string, unknown>;
}

/** Maps a create's properties to an entry; `channels` are the configured syndication targets. */
export function entryFromProperties(properties: Properties, channels: readonly string[]): Mapped<Record<string, unknown>> {
  const given = (Object.keys(WORK_PROPERTIES) as WorkProperty[]).filter((p) => properties[p]?.length);
  if (given.length === 0) return refuse('Say what it is: read-of, watch-of, listen-of or play-of (a URL or an h-cite)');
  if (given.length > 1) return refuse(`Give one work, not ${given.join(' and ')}`);
  const property = given[0]!;
  const values = properties[property]!;
  if (values.length > 1) return refuse(`${property} must name one work`);
  const work = readWork(values[0]!);
  if (!work.ok) return refuse(`${property}: ${work.description}`);
  const raw: Record<string, unknown> = {};
  const kind = kindOf(property, properties);
  if (!kind.ok) return kind;
  raw.kind = kind.value;
  // A work given by URL alone takes its title from the post's name.
  raw.title = work.value.title ?? text(properties.name?.[0]);
  if (raw.title === undefined) return refuse(`${property} needs the work's name: send an h-cite with a name, or a name property`);
  if (work.value.creator !== undefined) raw.creator = work.value.creator;
  if (work.value.url !== undefined) raw.url = work.value.url;
  const photo = work.value.coverUrl ?? text(properties.photo?.[0]);
  if (photo !== undefined) raw.coverUrl = photo;
  const status = statusOf(properties['read-status']);
  if (!status.ok) return status;
  raw.status = status.value;
  const shared = sharedFields(properties, status.value, channels);
  if (!shared.ok) return shared;
  return { ok: true, value: { ...raw, ...shared.value } };
}

function kindOf(property: WorkProperty, properties: Properties): Mapped<Kind> {
  const allowed = WORK_PROPERTIES[property] as readonly Kind[];
  const said = text(properties.kind?.[0]) ?? text(properties['mp-kind']?.[0]);
  if (said === undefined) return { ok: true, value: allowed[0]! };
  return allowed.includes(said as Kind) ? { ok: true, value: said as Kind } : refuse(`kind ${said.slice(0, 40)} does not go with ${property} (${allowed.join(' or ')})`);
}

/** read-status: `finished` (the default) or `reading` (in progress); `to-read` is a wish list Shelf does not keep. */
function statusOf(values: MicropubValue[] | undefined): Mapped<'finished' | 'in-progress'> {
  const value = values?.[0];
  if (value === undefined || value === 'finished') return { ok: true, value: 'finished' };
  if (value === 'reading') return { ok: true, value: 'in-progress' };
  if (value === 'to-read') return refuse('read-status to-read is not recorded: Shelf logs what you are reading (reading) or have finished (finished)');
  return refuse(`read-status must be reading or finished, not ${String(value).slice(0, 40)}`);
}

/** The properties a create and an update's replace read alike. */
function sharedFields(properties: Properties, status: string, channels: readonly string[]): Mapped<Record<string, unknown>> {
  const raw: Record<string, unknown> = {};
  if (properties.rating?.length) raw.rating = numberOf(properties.rating[0]!);
  if (properties.content?.length) raw.review = text(properties.content[0]!) ?? '';
  if (properties.category?.length) {
    if (!properties.category.every((c) => typeof c === 'string')) return refuse('category must be a list of words (tags)');
    raw.tags = properties.category;
  }
  if (properties.published?.length) {
    const day = dayOf(properties.published[0]!);
    if (!day) return refuse('published must be a date (YYYY-MM-DD) or a date and time (ISO 8601)');
    raw[status === 'finished' ? 'finishedOn' : 'startedOn'] = day;
  }
  const visibility = visibilityOf(properties);
  if (!visibility.ok) return visibility;
  if (visibility.value) raw.visibility = visibility.value;
  const syndicate = properties['mp-syndicate-to'];
  if (syndicate) {
    const unknown = syndicate.filter((uid) => typeof uid !== 'string' || !channels.includes(uid));
    if (unknown.length > 0) return refuse(`mp-syndicate-to: ${unknown.map(String).join(', ')} is not a configured channel (q=syndicate-to lists them)`);
    raw.announce = syndicate.length > 0;
  }
  return { ok: true, value: raw };
}

/** `visibility` (public, private) and `post-status` (published, draft: a draft is kept private). */
function visibilityOf(properties: Properties): Mapped<'public' | 'private' | undefined> {
  const visibility = properties.visibility?.[0];
  const postStatus = properties['post-status']?.[0];
  if (visibility !== undefined && visibility !== 'public' && visibility !== 'private') {
    return refuse(`visibility must be public or private${visibility === 'unlisted' ? ' (Shelf has no unlisted entries)' : ''}`);
  }
  if (postStatus !== undefined && postStatus !== 'published' && postStatus !== 'draft') return refuse('post-status must be published or draft');
  if (postStatus === 'draft') return { ok: true, value: 'private' };
  return { ok: true, value: visibility as 'public' | 'private' | undefined };
}

/** Numbers arrive as text in forms; anything else is passed on for the schema to name. */
function numberOf(value: MicropubValue): unknown {
  return typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

/** The day of an ISO 8601 date or date-time, as written (the local day the client meant). */
function dayOf(value: MicropubValue): string | undefined {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}($|[T ])/.test(value) ? value.slice(0, 10) : undefined;
}

/**
 * An update's replace/add/delete as a partial edit of the entry (null clears a field), for the
 * API's PATCH command (lib/media/commands.ts patchEntry).
 */
export function patchFromUpdate(entry: Entry, update: { replace: Properties; add: Properties; delete: string[] | Properties }, channels: readonly string[]): Mapped<Record<string, unknown>> {
  const patch: Record<string, unknown> = {};
  const status = update.replace['read-status']?.length ? statusOf(update.replace['read-status']) : { ok: true as const, value: entry.status };
  if (!status.ok) return status;

  const replaced = replaceFields(entry, update.replace, status.value, channels);
  if (!replaced.ok) return replaced;
  Object.assign(patch, replaced.value);

  for (const [property, values] of Object.entries(update.add)) {
    if (property === 'category') {
      if (!values.every((c) => typeof c === 'string')) return refuse('category must be a list of words (tags)');
      patch.tags = [...((patch.tags as string[] | undefined) ?? entry.tags ?? []), ...(values as string[])];
      continue;
    }
    const field = SINGLE_FIELDS[property];
    if (!field) return refuse(`Shelf cannot add to ${property}`);
    if (entry[field] !== undefined) return refuse(`${property} has one value: use replace`);
    const added = replaceFields(entry, { [property]: values }, status.value, channels);
    if (!added.ok) return added;
    Object.assign(patch, added.value);
  }

  if (Array.isArray(update.delete)) {
    for (const property of update.delete) {
      if (property === 'category') patch.tags = null;
      else if (SINGLE_FIELDS[property]) patch[SINGLE_FIELDS[property]!] = null;
      else return refuse(`Shelf cannot delete ${property}`);
    }
  } else {
    for (const [property, values] of Object.entries(update.delete)) {
      if (property !== 'category') return refuse(`Shelf can remove values from category only, not ${property}`);
      const removed = new Set(values.map(String));
      patch.tags = ((patch.tags as string[] | undefined) ?? entry.tags ?? []).filter((tag) => !removed.has(tag));
    }
  }
  return { ok: true, value: patch };
}

/** Properties holding one value, and the field each is. */
const SINGLE_FIELDS: Record<string, keyof Entry> = { content: 'review', rating: 'rating', photo: 'coverUrl' };

function replaceFields(entry: Entry, replace: Properties, status: Entry['status'], channels: readonly string[]): Mapped<Record<string, unknown>> {
  const patch: Record<string, unknown> = {};
  const works = (Object.keys(WORK_PROPERTIES) as WorkProperty[]).filter((p) => replace[p]);
  if (works.length > 1) return refuse(`Give one work, not ${works.join(' and ')}`);
  if (works.length === 1) {
    const property = works[0]!;
    const work = replace[property]![0] === undefined ? undefined : readWork(replace[property]![0]!);
    if (!work) return refuse(`${property} cannot be emptied: an entry is about a work`);
    if (!work.ok) return refuse(`${property}: ${work.description}`);
    if (!(WORK_PROPERTIES[property] as readonly Kind[]).includes(entry.kind)) patch.kind = WORK_PROPERTIES[property][0];
    if (work.value.title !== undefined) patch.title = work.value.title;
    patch.creator = work.value.creator ?? null;
    patch.url = work.value.url ?? null;
    if (work.value.coverUrl !== undefined) patch.coverUrl = work.value.coverUrl;
  }
  const kind = replace.kind ?? replace['mp-kind'];
  if (kind) patch.kind = text(kind[0]);
  if (replace['read-status']?.length) patch.status = status;
  for (const [property, field] of Object.entries(SINGLE_FIELDS)) if (replace[property] && replace[property].length === 0) patch[field] = null;
  if (replace.category && replace.category.length === 0) patch.tags = null;
  if (replace.photo?.length) patch.coverUrl = text(replace.photo[0]) ?? null;
  const shared = sharedFields(replace, status, channels);
  if (!shared.ok) return shared;
  const known = new Set([...Object.keys(WORK_PROPERTIES), 'kind', 'mp-kind', 'read-status', 'rating', 'content', 'category', 'published', 'visibility', 'post-status', 'mp-syndicate-to', 'photo']);
  const unknown = Object.keys(replace).filter((p) => !known.has(p));
  if (unknown.length > 0) return refuse(`Shelf cannot store ${unknown.join(', ')}`);
  return { ok: true, value: { ...patch, ...shared.value } };
}

/** An entry as Micropub properties (q=source): what a client needs to show and edit it. */
export function propertiesOfEntry(entry: Entry): Record<string, unknown[]> {
  const cite: Record<string, unknown[]> = { name: [entry.title] };
  if (entry.creator) cite.author = [entry.creator];
  if (entry.url) cite.url = [entry.url];
  if (entry.coverUrl) cite.photo = [entry.coverUrl];
  const properties: Record<string, unknown[]> = {
    [workPropertyOf(entry.kind)]: [{ type: ['h-cite'], properties: cite }],
    kind: [entry.kind],
  };
  if (entry.status === 'finished') properties['read-status'] = ['finished'];
  if (entry.status === 'in-progress') properties['read-status'] = ['reading'];
  const day = entry.finishedOn ?? entry.startedOn;
  if (day) properties.published = [day];
  if (entry.rating !== undefined) properties.rating = [entry.rating];
  if (entry.review) properties.content = [entry.review];
  if (entry.tags?.length) properties.category = [...entry.tags];
  if (entry.coverUrl) properties.photo = [entry.coverUrl];
  properties.visibility = [entry.visibility];
  properties['post-status'] = [entry.removed ? 'deleted' : 'published'];
  return properties;
}
