/**
 * File-system failures while writing results, as one line a user can act on: the path, what the
 * system said in words, its code, and what to do. Node's own message ("ENOSPC: no space left on
 * device, write") names neither the folder nor a way out.
 */
import { RunError } from '../errors.ts';

const REASONS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  EBUSY: 'the path is busy (a mount point or in use)',
  ENOENT: 'a folder on the path does not exist (or was removed while writing)',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'something else appeared at the path while writing',
  ENOTEMPTY: 'something else was written there while this command ran',
  ENAMETOOLONG: 'the path is too long',
  EIO: 'an input/output error from the device',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EXDEV: 'the temporary copy and the destination are on different file systems',
  ELOOP: 'too many symbolic links on the path',
  EFBIG: 'a file is larger than the file system allows',
};

export function errnoCode(err: unknown): string | undefined {
  const code = err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/**
 * `err` as a one-line RunError when it is a file-system error; anything else is returned as it is.
 * `what` names the thing being written, e.g. `the results folder /data/run1`.
 */
export function writeError(err: unknown, what: string, fix = 'choose another --out'): unknown {
  const code = errnoCode(err);
  if (code === undefined) return err;
  const reason = REASONS[code] ?? (err as Error).message.split('\n')[0];
  const advice = code === 'ENOSPC' || code === 'EDQUOT' ? `free some space or ${fix}` : fix;
  return new RunError(`cannot write ${what}: ${reason} (${code}); ${advice}`);
}

/**
 * Like `writeError`, but only for a failure while writing under one of `roots` (our temporary
 * paths): a file-system error while reading an input stays what it was.
 */
export function writeErrorUnder(err: unknown, roots: readonly string[], what: string, fix?: string): unknown {
  if (errnoCode(err) === undefined) return err;
  const e = err as NodeJS.ErrnoException;
  // A failed write() carries no path; the codes that only a disk gives are ours all the same.
  const ours = e.path !== undefined ? roots.some((r) => e.path === r || e.path!.startsWith(`${r}/`) || e.path!.startsWith(`${r}\\`)) : ['ENOSPC', 'EDQUOT', 'EIO', 'EFBIG', 'EROFS'].includes(e.code ?? '');
  return ours ? writeError(err, what, fix) : err;
}
