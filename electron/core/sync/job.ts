import type { Result } from '../../../shared/result';
import type { CustomerRecordsParticipant } from '../customer-records';
import type { JobContext } from '../jobs';
import { syncWithPeer, type PeerSyncOutcome } from './network/client';
import { syncThroughFolder, type FolderSyncOutcome } from './session';

export interface SyncJobInput {
  bookFile: string;
  /** One of the two: the shared folder, or the serving device on the shop's network (`regulars://host:port`). */
  folder?: string;
  peer?: string;
  /** The app's clock when the sync started (tests run the app at a set time): the job's clock runs on from it. */
  now: string;
}

/**
 * One sync through the shared folder or with the device serving the book on the shop's network, as
 * a job: in the job worker, with its own connection, so the counter keeps answering (and writing: a
 * write made meanwhile is recorded, never overwritten). Not cancellable: its steps are transactions
 * the documents' files must stay in step with.
 */
export const syncJob = async (input: SyncJobInput, job: JobContext, participants: readonly CustomerRecordsParticipant[]): Promise<Result<FolderSyncOutcome | PeerSyncOutcome>> => {
  const offsetMs = Date.parse(input.now) - Date.now();
  const common = { bookFile: input.bookFile, participants, projectRoot: job.projectRoot ?? process.cwd(), now: () => new Date(Date.now() + offsetMs) };
  if (input.peer !== undefined) {
    job.report('exchange', 0, 0);
    return syncWithPeer({ ...common, peer: input.peer });
  }
  return syncThroughFolder({ ...common, folder: input.folder ?? '', report: job.report });
};
