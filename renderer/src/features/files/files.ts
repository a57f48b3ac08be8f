import type { FileSource, NativePickPurpose } from '../../../../shared/contract/files';
import { ok, type Result } from '../../../../shared/result';
import { api } from '../../api/client';
import { transport } from '../../api/transport';

/** The desktop app opens the system's dialog and passes a path; a browser page must send the file itself. */
export const hasNativeDialogs = (): boolean => transport.kind === 'electron';

export const pickWithNativeDialog = async (purpose: NativePickPurpose): Promise<Result<string | null>> => {
  const picked = await api('files-pick', { purpose });
  return picked.ok ? ok(picked.value.path) : picked;
};

const base64Of = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });

/** Sends a file the owner picked to the core in pieces small enough for one request each. */
export const uploadFile = async (file: File, onProgress: (sent: number, total: number) => void): Promise<Result<FileSource>> => {
  const begun = await api('files-upload-begin', { name: file.name, sizeBytes: file.size });
  if (!begun.ok) return begun;
  const { uploadId, chunkBytes } = begun.value;
  onProgress(0, file.size);
  for (let offset = 0; offset < file.size; offset += chunkBytes) {
    const data = await base64Of(file.slice(offset, offset + chunkBytes));
    const sent = await api('files-upload-chunk', { uploadId, offset, data });
    if (!sent.ok) return sent;
    onProgress(sent.value.receivedBytes, file.size);
  }
  return ok({ kind: 'upload', uploadId });
};
