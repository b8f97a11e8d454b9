import { describe, expect, it } from 'vitest';
import { eventLabel, eventTypeLabel } from './event-labels';
import { formatEventTime, ownerZoneName } from './format-time';

describe('history in words', () => {
  it('shows an event time in the owner zone, naming the zone', () => {
    expect(formatEventTime('2026-11-23T08:00:00.000Z', 'UTC')).toBe('Nov 23 2026 08:00 UTC');
    expect(formatEventTime('2026-11-23T08:00:00.000Z', 'Europe/Paris')).toBe('Nov 23 2026 09:00 GMT+1');
    expect(formatEventTime('2026-07-01T23:30:00.000Z', 'America/New_York')).toBe('Jul 1 2026 19:30 EDT');
  });

  it('names the zone the page uses, TZ first', () => {
    expect(ownerZoneName('Asia/Tokyo')).toBe('Asia/Tokyo');
    expect(ownerZoneName(undefined)).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
  });

  it('calls event types by words, and splits the name of a type it has no words for', () => {
    expect(eventTypeLabel('MediaFinished')).toBe('Logged');
    expect(eventTypeLabel('AnnouncementRetryRequested')).toBe('Announcement retry asked for');
    expect(eventTypeLabel('MediaStarted')).toBe('Started or abandoned');
    expect(eventTypeLabel('SomethingNew')).toBe('Something new');
  });
});

describe('eventLabel', () => {
  it('tells an entry logged as abandoned from one started', () => {
    expect(eventLabel({ type: 'MediaStarted', data: { status: 'abandoned' } })).toBe('Logged as abandoned');
    expect(eventLabel({ type: 'MediaStarted', data: { status: 'in-progress' } })).toBe('Started');
    expect(eventLabel({ type: 'MediaFinished', data: {} })).toBe('Logged');
  });
});
