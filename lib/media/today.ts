import { todayIn } from './dates';

/** Today in the owner's time zone (`TZ`): the default finished date and the "this year" of summaries. */
export const ownerToday = () => todayIn(process.env.TZ);
