import { z } from 'zod';
import { handler, returns } from './define';

/**
 * A path from the root of a drive: "/media/usb", "D:\\Backups", "\\\\nas\\shop". A relative one would
 * be read against wherever the app happened to start, which the owner cannot see or choose.
 */
export const isAbsolutePath = (value: string): boolean => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(value);

/**
 * A file or folder on this computer, as the owner typed or picked it. No file system accepts a NUL
 * in a name, so one is refused here rather than left for the file system to throw on.
 */
export const localPath = (options: { required: boolean }) => {
  const text = z.string().trim().max(4096);
  return (options.required ? text.min(1) : text)
    .refine((value) => !value.includes('\u0000'), 'invalid')
    .refine((value) => value === '' || isAbsolutePath(value), 'relative_path');
};

/** A file's own name, to write inside a folder chosen separately: no way out of that folder. */
export const plainFileName = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .refine((value) => !/[/\\\p{Cc}]/u.test(value) && value !== '.' && value !== '..', 'invalid');

/** A file the core reads: a path on this computer, or one the browser sent up in pieces. */
export const fileSource = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('path'), path: localPath({ required: true }) }),
  z.strictObject({ kind: z.literal('upload'), uploadId: z.string().regex(/^[0-9A-Z]{26}$/, 'invalid') }),
]);
export type FileSource = z.output<typeof fileSource>;

/** Under the transport's body limit once base64 has grown it by a third. */
export const uploadChunkBytes = 4 * 1024 * 1024;
/** Backups of large books are big; spreadsheets far smaller. */
export const maxUploadBytes = 2 * 1024 * 1024 * 1024;

export const nativePickPurposes = ['import', 'restore', 'folder'] as const;
export type NativePickPurpose = (typeof nativePickPurposes)[number];

export const filesContract = {
  /** Browser mode: starts sending a file the owner picked; its pieces follow in order. */
  'files-upload-begin': handler({
    input: z.strictObject({ name: z.string().trim().min(1).max(255), sizeBytes: z.int().min(0).max(maxUploadBytes) }),
    output: returns<{ uploadId: string; chunkBytes: number }>(),
    access: 'owner',
    mutates: false,
  }),
  'files-upload-chunk': handler({
    input: z.strictObject({
      uploadId: z.string().regex(/^[0-9A-Z]{26}$/, 'invalid'),
      offset: z.int().min(0).max(maxUploadBytes),
      /** base64 */
      data: z.string().max(Math.ceil(uploadChunkBytes / 3) * 4),
    }),
    output: returns<{ receivedBytes: number }>(),
    access: 'owner',
    mutates: false,
  }),
  /** Desktop app: the system's own file or folder dialog; null when the owner cancelled it. */
  'files-pick': handler({
    input: z.strictObject({ purpose: z.enum(nativePickPurposes) }),
    output: returns<{ path: string | null }>(),
    access: 'owner',
    mutates: false,
  }),
} as const;
