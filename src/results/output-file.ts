/**
 * A single output file (`compare --out chart.svg`), with the same care as a results folder
 * (`output-dir.ts`):
 * - missing: created (with its parents); an empty placeholder reserves the name at once;
 * - an existing regular file: refused unless `force`, and even then only when it is a chart this
 *   program could have written (an SVG, a PNG or a vega-lite JSON, by its content) — replaced by
 *   one rename, the old content kept through a hard link until `finish` so that an interrupt can
 *   put it back;
 * - anything else (a folder, a device, a symbolic link, an empty path, `.`/`..`): refused whatever
 *   the flags, exit 2, nothing touched.
 * The content is written to a temporary sibling created when the file is opened (so an unwritable
 * folder shows before any rendering), then renamed over the destination.
 */
import { closeSync, linkSync, lstatSync, mkdirSync, openSync, readSync, readFileSync, readlinkSync, renameSync, rmSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { InputError, RunError } from '../errors.ts';
import { markKept, onAbandon } from './cleanup.ts';
import { errnoCode, writeError } from './write-error.ts';

export interface OutputFileOptions {
  readonly force?: boolean;
  /** The option that named the path, for messages. */
  readonly flag?: string;
  /** Allowed extensions, lower case with the dot: ['.svg', '.png', '.json']. */
  readonly extensions: readonly string[];
}

/** An open destination: something writes `tmp`, then `commit`, print the path, then `finish`. */
export interface OutputFile {
  readonly path: string;
  /** The temporary sibling to write; it keeps the destination's extension. */
  readonly tmp: string;
  commit(): void;
  finish(): void;
  discard(): void;
}

/** Opens `path` as a file destination; throws InputError when refused, RunError when unwritable. */
export function openOutputFile(path: string, options: OutputFileOptions): OutputFile {
  const flag = options.flag ?? '--out';
  const refuse = (why: string): never => {
    throw new InputError(flag, path, why);
  };
  const give = `give a new file name ending in ${options.extensions.join(', ')}`;
  if (path.trim() === '') refuse(`an empty path names no file: ${give}`);
  if (/(^|[\\/])\.{0,2}[\\/]*$/.test(path) || /[\\/]$/.test(path)) refuse(`that names a folder, not a file: ${give}`);
  const ext = extname(path).toLowerCase();
  if (!options.extensions.includes(ext)) refuse(`a path ending in ${options.extensions.join(', ')}`);
  const abs = resolve(path);

  let stats: Stats | undefined;
  try {
    stats = lstatSync(abs);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOTDIR') refuse(`a part of that path is a file, not a folder: ${give}`);
    if (code !== 'ENOENT') throw writeError(err, path, `choose another ${flag}`);
  }
  if (stats) {
    if (stats.isSymbolicLink()) refuse(`that is a symbolic link (to ${JSON.stringify(readlinkSync(abs))}), which is never followed or replaced: ${give}`);
    if (stats.isDirectory()) refuse(`that is a folder, which is never replaced: ${give}`);
    if (!stats.isFile()) refuse(`that is ${stats.isCharacterDevice() || stats.isBlockDevice() ? 'a device' : 'not a regular file'}, which is never replaced, with or without --force: ${give}`);
    if (!options.force) refuse(`that file exists: add --force to replace it, or ${give}`);
    if (!looksLikeOurChart(abs, ext, stats)) refuse(`that file is not a ${ext.slice(1).toUpperCase()} chart that ai-energy-mc could have written, so it is never replaced, with or without --force: ${give}`);
  }
  try {
    mkdirSync(dirname(abs), { recursive: true });
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOTDIR' || code === 'EEXIST') refuse(`a part of that path is a file, not a folder: ${give}`);
    throw writeError(err, path, `choose another ${flag}`);
  }
  if (!stats) {
    try {
      closeSync(openSync(abs, 'wx'));
    } catch (err) {
      if (errnoCode(err) === 'EEXIST') refuse(`that file appeared while this command started: ${give}`);
      throw writeError(err, path, `choose another ${flag}`);
    }
  }
  return stage(path, abs, stats ? 'replace' : 'placeholder', flag);
}

/**
 * Opens new files `<dir>/<base>.<ext>` for every extension, none of which exists: when one is
 * taken, `-2`, `-3`, … are added to the base, so commands started in the same second do not collide.
 */
export function openNewOutputFiles(dir: string, base: string, extensions: readonly string[], flag = '--out'): OutputFile[] {
  try {
    mkdirSync(resolve(dir), { recursive: true });
  } catch (err) {
    throw writeError(err, `a file in ${dir}`, `choose a file with ${flag}`);
  }
  for (let i = 1; i <= 10_000; i++) {
    const paths = extensions.map((ext) => join(dir, `${base}${i === 1 ? '' : `-${i}`}${ext}`));
    const made: string[] = [];
    try {
      for (const p of paths) {
        closeSync(openSync(resolve(p), 'wx'));
        made.push(p);
      }
    } catch (err) {
      for (const p of made) rmSync(resolve(p), { force: true });
      if (errnoCode(err) === 'EEXIST') continue;
      throw writeError(err, paths[made.length], `choose a file with ${flag}`);
    }
    const opened: OutputFile[] = [];
    try {
      for (const p of paths) opened.push(stage(p, resolve(p), 'placeholder', flag));
    } catch (err) {
      for (const o of opened) o.discard();
      for (const p of paths.slice(opened.length)) rmSync(resolve(p), { force: true });
      throw err;
    }
    return opened;
  }
  throw new RunError(`cannot find a free file name for ${join(dir, base)} (10,000 taken); choose a file with ${flag}`);
}

type Mode = 'placeholder' | 'replace';

function stage(path: string, abs: string, mode: Mode, flag: string): OutputFile {
  const ext = extname(abs);
  const tmp = join(dirname(abs), `.tmp-${process.pid}-${Math.random().toString(36).slice(2, 10)}-${basename(abs, ext).slice(0, 80)}${ext}`);
  let state: 'staged' | 'committed' | 'done' = 'staged';
  let old: string | undefined;
  const undo = () => {
    if (state === 'staged') {
      rmSync(tmp, { force: true });
      if (mode === 'placeholder') rmSync(abs, { force: true });
    } else if (state === 'committed') {
      if (old !== undefined) renameSync(old, abs);
      else rmSync(abs, { force: true });
    }
    state = 'done';
  };
  const unregister = onAbandon(undo);
  try {
    writeFileSync(tmp, '\n'); // a full disk or a read-only folder shows now, not after rendering
  } catch (err) {
    unregister();
    undo();
    throw writeError(err, path, `choose another ${flag}`);
  }
  return {
    path,
    tmp,
    commit() {
      if (state !== 'staged') throw new Error(`commit of ${path} in state ${state}`);
      try {
        if (mode === 'replace') {
          // A second name for the old content, so that an interrupt before `finish` can restore it.
          const aside = join(dirname(abs), `.old-${process.pid}-${Math.random().toString(36).slice(2, 10)}${ext}`);
          try {
            linkSync(abs, aside);
            old = aside;
          } catch {
            old = undefined; // no hard links here: the replacement is still one atomic rename
          }
        }
        renameSync(tmp, abs);
      } catch (err) {
        if (old !== undefined) rmSync(old, { force: true });
        old = undefined;
        throw writeError(err, path, `choose another ${flag}`);
      }
      state = 'committed';
    },
    finish() {
      if (state !== 'committed') throw new Error(`finish of ${path} in state ${state}`);
      unregister();
      state = 'done';
      markKept(abs);
      if (old !== undefined) rmSync(old, { force: true });
    },
    discard() {
      unregister();
      undo();
    },
  };
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An SVG, a PNG or a vega-lite spec, judged by content; an empty file loses nothing either. */
function looksLikeOurChart(abs: string, ext: string, stats: Stats): boolean {
  if (stats.size === 0) return true;
  try {
    if (ext === '.json') {
      if (stats.size > 64 << 20) return false;
      const spec = JSON.parse(readFileSync(abs, 'utf8')) as { $schema?: unknown };
      return typeof spec === 'object' && spec !== null && typeof spec.$schema === 'string' && spec.$schema.includes('vega-lite');
    }
    const head = Buffer.alloc(512);
    const fd = openSync(abs, 'r');
    let n: number;
    try {
      n = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
    if (ext === '.png') return n >= 8 && head.subarray(0, 8).equals(PNG_MAGIC);
    if (ext === '.svg') return /^\s*(<\?xml[^>]*>\s*)?<svg[\s>]/.test(head.subarray(0, n).toString('utf8'));
    return false;
  } catch {
    return false;
  }
}
