import type { Result } from '../../../shared/result';
import type { CustomerRecordsParticipant } from '../customer-records';
import type { JobContext } from '../jobs';
import { syncThroughFolder, type FolderSyncOutcome } from './session';

export interface SyncJobInput {
  bookFile: string;
  folder: string;
  /** The app's clock when the sync started (tests run the app at a set time): the job's clock runs on from it. */
  now: string;
}

/**
 * One sync through the shared folder as a job: in the job worker, with its own connection, so the
 * counter keeps answering (and writing: a write made meanwhile is recorded, never overwritten).
 * Not cancellable: its steps are transactions the documents' files must stay in step with.
 */
export const syncFolderJob = async (input: SyncJobInput, job: JobContext, participants: readonly CustomerRecordsParticipant[]): Promise<Result<FolderSyncOutcome>> => {
  const offsetMs = Date.parse(input.now) - Date.now();
  return syncThroughFolder({
    bookFile: input.bookFile,
    folder: input.folder,
    participants,
    projectRoot: job.projectRoot ?? process.cwd(),
    now: () => new Date(Date.now() + offsetMs),
    report: job.report,
  });
};
