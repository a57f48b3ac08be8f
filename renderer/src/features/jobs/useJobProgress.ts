import { useEffect, useState } from 'react';
import type { JobKind, JobProgress } from '../../../../shared/contract/jobs';
import { api } from '../../api/client';
import { transport } from '../../api/transport';

/**
 * The running job of the given kinds, as the core reports it (also after a reload of the page
 * while the job goes on), and a way to cancel it.
 */
export const useJobProgress = (kinds: readonly JobKind[]) => {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const key = kinds.join(',');
  useEffect(() => {
    const wanted = key.split(',');
    let live = true;
    void api('jobs-list', {}).then((result) => {
      if (live && result.ok) setProgress(result.value.find((job) => wanted.includes(job.kind)) ?? null);
    });
    const stopProgress = transport.on('job-progress', (payload) => {
      const job = payload as JobProgress;
      if (wanted.includes(job.kind)) setProgress(job);
    });
    const stopFinished = transport.on('job-finished', (payload) => {
      const { jobId } = payload as { jobId: string };
      setProgress((current) => (current?.jobId === jobId ? null : current));
    });
    return () => {
      live = false;
      stopProgress();
      stopFinished();
    };
  }, [key]);
  const cancel = progress?.cancellable ? () => void api('jobs-cancel', { jobId: progress.jobId }) : undefined;
  return { progress, cancel };
};
