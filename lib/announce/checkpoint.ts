// The announcer's checkpoint file (with the file backend; on PostgreSQL it is a row): the seq up to
// which every event's announcements are settled (lib/eventstore/checkpoint-file.ts).
import { checkpointDocument } from '../eventstore/checkpoint-file';

export { checkpointDocument };

export const CHECKPOINT_FILE = 'announcer.checkpoint.json';

/** The saved seq, or undefined when there is no checkpoint yet. */
export const readCheckpoint = (file: string) => checkpointDocument(file).read();

export const writeCheckpoint = (file: string, seq: number) => checkpointDocument(file).write(seq);
