/**
 * One line for any failure: what the CLI prints after `error: `. Known errors carry their own
 * message; an operating-system error (ENOSPC, EACCES, …) is put in plain words naming the path;
 * anything else is a bug of ours or a surprise from a library, shown by its message alone with
 * a pointer to --debug, which prints the stack trace.
 */
import { plainText } from './terminal-text.ts';

/** The fields Node puts on a failed system call (`fs`, `net`, `child_process`). */
interface SystemErrorLike {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
  readonly dest?: string;
  readonly message: string;
}

/** Whether `err` looks like a Node system error (`err.code` such as `ENOSPC`). */
export function isSystemError(err: unknown): err is SystemErrorLike {
  const code: unknown = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code);
}

/** Plain words for the system errors a user can act on, with what to do. */
const SYSTEM_WORDS: Readonly<Record<string, { what: string; todo: string }>> = {
  ENOSPC: { what: 'no space left on the device', todo: 'free some space or write elsewhere (--out)' },
  EDQUOT: { what: 'the disk quota is used up', todo: 'free some space or write elsewhere (--out)' },
  EACCES: { what: 'permission denied', todo: 'choose a place you may write to (--out) or change its permissions' },
  EPERM: { what: 'operation not permitted', todo: 'choose a place you may write to (--out) or change its permissions' },
  EROFS: { what: 'the file system is read-only', todo: 'write elsewhere (--out)' },
  EBUSY: { what: 'the file or folder is busy (in use by another program)', todo: 'close what uses it or write elsewhere (--out)' },
  ENOTDIR: { what: 'a part of the path is a file, not a folder', todo: 'check the path' },
  EISDIR: { what: 'the path is a folder, not a file', todo: 'check the path' },
  ENOENT: { what: 'no such file or folder', todo: 'check the path' },
  EEXIST: { what: 'it already exists', todo: 'choose another path' },
  ENOTEMPTY: { what: 'the folder is not empty', todo: 'choose another path' },
  ENAMETOOLONG: { what: 'the path is too long', todo: 'choose a shorter path' },
  ELOOP: { what: 'too many symbolic links in the path', todo: 'check the path' },
  EMFILE: { what: 'too many open files in this process', todo: 'raise the limit (ulimit -n) or use fewer --workers' },
  ENFILE: { what: 'too many open files on this system', todo: 'close other programs or raise the system limit' },
  ENOMEM: { what: 'out of memory', todo: 'close other programs, use fewer --workers or fewer samples' },
  EIO: { what: 'an input/output error from the device', todo: 'check the disk, or write elsewhere (--out)' },
  EPIPE: { what: 'the program reading our output has stopped', todo: 'nothing to do if that was intended' },
};

/** `/x/summary.json: no space left on the device (ENOSPC, write); free some space or …` */
export function systemErrorLine(err: SystemErrorLike): string {
  const words = SYSTEM_WORDS[err.code];
  const action = err.syscall ? `, ${err.syscall}` : '';
  const where = err.path !== undefined ? `${err.path}${err.dest !== undefined ? ` → ${err.dest}` : ''}` : undefined;
  if (!words) return `${where ? `${where}: ` : ''}${oneLine(err.message)}`;
  return `${where ? `${where}: ` : ''}${words.what} (${err.code}${action}); ${words.todo}`;
}

/** The line for an error nobody anticipated: its message and, unless the stack follows, where to find more. */
export function unexpectedErrorLine(err: unknown, debug = false): string {
  const message = err instanceof Error ? `${err.name && err.name !== 'Error' ? `${err.name}: ` : ''}${err.message}` : String(err);
  return `${oneLine(message) || 'unknown failure'}${debug ? '' : ' (unexpected; run again with --debug, or AI_ENERGY_MC_DEBUG=1, to see where it happened)'}`;
}

/**
 * A message folded onto one line: line breaks become a space after a colon and `; ` otherwise,
 * so a multi-line message from a library (esbuild's syntax errors) still reads as a sentence.
 */
export function oneLine(message: string): string {
  // Then plainText: a message may echo text from a model or results file (a name, a unit), whose
  // control characters must show as escapes, not reach the terminal.
  return plainText(
    message
      .trim()
      .replace(/(:?)[ \t]*\r?\n\s*/g, (_m, colon: string) => (colon ? ': ' : '; ')),
  );
}
