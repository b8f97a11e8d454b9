// The announcer's events live in the media log, so they are defined with the media events.
export { announcementEventSchemas, CHANNELS, type Channel } from '../media/announcement-events';
