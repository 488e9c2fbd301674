/**
 * The folder a command writes its results into, decided before anything is sampled.
 *
 * What a destination may be:
 * - missing: created (with its parents); an empty placeholder reserves the name at once;
 * - an empty folder: used;
 * - a results folder this program wrote (its manifest.json parses and looks like ours, and it holds
 *   nothing else we did not write): refused unless `force`, then replaced whole once the new
 *   folder is complete;
 * - anything else (a folder with other content, a file, a device, a symbolic link, a mount point,
 *   `.`, `..`, `/`, the current folder or one of its parents, an empty string): refused whatever
 *   the flags, exit 2, nothing touched.
 *
 * Files are written into a temporary folder created next to the destination when the folder is
 * opened, so an unwritable or full disk shows before a ten-minute run rather than after it. At the
 * end the temporary folder is renamed into place (a rename onto an empty folder is atomic on POSIX;
 * an old results folder is first renamed aside and removed only at `finish`). Every step is
 * registered in `cleanup.ts`, so a signal at any moment — even after the rename, before the command
 * has said where its results are — leaves the destination as it was before the command started.
 *
 * All file-system calls here are synchronous: a signal handler then never sees a half-made step.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, renameSync, rmSync, rmdirSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { basename, dirname, join, parse, resolve, sep } from 'node:path';
import { InputError, RunError } from '../errors.ts';
import { markKept, onAbandon } from './cleanup.ts';
import { errnoCode, writeError } from './write-error.ts';

export type FileContents = Readonly<Record<string, string | Uint8Array>>;

/**
 * Every name `run`, `sensitivity`, `report` (and the library's `writeSensitivity`) write at the top
 * of a results folder. A results folder holding anything else also holds the user's own files, so
 * it is never replaced, even with --force. A command that starts writing a new file must add it here.
 */
export const RESULTS_ENTRIES: ReadonlySet<string> = new Set([
  'manifest.json',
  'summary.json',
  'distributions.json',
  'percentiles.csv',
  'percentiles.md',
  'sensitivity.json',
  'sensitivity.csv',
  'sensitivity.md',
  'charts',
  'report.html',
  // The top of a `run --scenario all` folder; its subfolders are recognised by its manifest (scenarioFolders).
  'scenarios.csv',
  'scenarios.md',
  // A shard of a run (run … --shard I/N; src/distributed/shard.ts).
  'shard.json',
  'shard.bin',
]);

/** Leftovers of our own temporary names (a process killed with SIGKILL cannot clean up). */
const OWN_TEMPORARY = /^\.(tmp|old)-/;

export interface OutputDirOptions {
  /** Replace a results folder this program wrote (never anything else). */
  readonly force?: boolean;
  /** The option that named the path, for messages. */
  readonly flag?: string;
  /** Library use: a folder holding only these names also counts as ours (see atomic-dir.ts). */
  readonly ownNames?: ReadonlySet<string>;
}

/** What a results destination is now; anything not listed here is refused while inspecting. */
export type Destination =
  | { readonly kind: 'missing'; readonly abs: string }
  | { readonly kind: 'empty'; readonly abs: string }
  | { readonly kind: 'results'; readonly abs: string; readonly label: string };

/** An open destination: write into `tmp`, then `commit`, print where the results are, then `finish`. */
export interface OutputDir {
  /** The destination as the user wrote it (or as the default was made). */
  readonly path: string;
  /** The temporary folder to write into; becomes `path` at `commit`. */
  readonly tmp: string;
  /** Writes files (names may contain `/`) into the temporary folder. */
  writeFiles(files: FileContents): void;
  /** Renames the temporary folder into place; an old results folder is kept aside until `finish`. */
  commit(): void;
  /** The results stay: removes the old folder and forgets the undo actions. */
  finish(): void;
  /** Leaves the destination as it was: removes what this command made, puts an old folder back. */
  discard(): void;
}

/**
 * Decides whether `path` may receive a results folder; throws InputError (exit 2) naming what is
 * there when it may not. Reads only: nothing is created or changed.
 */
export function inspectDestination(path: string, options: OutputDirOptions = {}): Destination {
  const flag = options.flag ?? '--out';
  const refuse = (why: string): never => {
    throw new InputError(flag, path, why);
  };
  const give = 'give a new or empty folder';
  if (path.trim() === '') refuse(`an empty path names no folder: ${give}, e.g. results/my-run`);
  if (/(^|[\\/])\.\.?[\\/]*$/.test(path)) refuse(`"." and ".." name folders that already exist and are never replaced: ${give}`);
  const abs = resolve(path);
  if (abs === parse(abs).root) refuse(`that is the root folder, which is never written into: ${give}`);
  const cwd = process.cwd();
  if (abs === cwd) refuse(`that is the current folder, which is never replaced: ${give}, e.g. ./my-run`);
  if (cwd.startsWith(abs + sep)) refuse(`that folder holds the current folder and is never replaced: ${give}`);

  let stats: Stats;
  try {
    stats = lstatSync(abs);
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOENT') return { kind: 'missing', abs };
    if (code === 'ENOTDIR') refuse(`a part of that path is a file, not a folder: ${give}`);
    throw writeError(err, `the results folder ${path}`, `choose another ${flag}`);
  }
  if (stats.isSymbolicLink()) refuse(`that is a symbolic link (to ${safeReadlink(abs)}), which is never followed or replaced: ${give}`);
  if (!stats.isDirectory()) refuse(`that is ${kindOf(stats)}, which is never replaced, with or without --force: ${give}`);
  if (isMountPoint(abs, stats)) refuse(`that is a mount point, which cannot be swapped for a new folder: give a folder inside it`);

  const entries = readdirSync(abs);
  if (entries.length === 0) return { kind: 'empty', abs };
  const manifest = readOwnManifest(abs);
  const ownNames = options.ownNames;
  if (manifest === undefined && !(ownNames && entries.every((e) => ownNames.has(e)))) {
    refuse(`that folder holds ${listEntries(entries)} and is not a results folder of ai-energy-mc (no manifest.json of ours), so it is never replaced, with or without --force: ${give}`);
  }
  const subfolders = new Set(manifest ? scenarioFolders(abs, manifest.folders) : []);
  const foreign = entries.filter((e) => !RESULTS_ENTRIES.has(e) && !OWN_TEMPORARY.test(e) && !ownNames?.has(e) && !subfolders.has(e));
  if (foreign.length > 0) {
    refuse(`that results folder also holds ${listEntries(foreign)}, which ai-energy-mc did not write, so it is never replaced: move ${foreign.length === 1 ? 'it' : 'them'} out first or ${give}`);
  }
  return { kind: 'results', abs, label: manifest ? `${manifest.model}, ${manifest.startedAt}` : 'written by ai-energy-mc' };
}

/**
 * Opens `path` as the destination of a results folder (see the module comment for the rules).
 * Throws InputError for a destination that is refused, RunError when it cannot be written.
 */
export function openOutputDir(path: string, options: OutputDirOptions = {}): OutputDir {
  return open(path, options, 0);
}

/**
 * The whole decision without touching anything: throws for a refused destination (an earlier
 * results folder without `force` included). Commands call it before loading the model, so a
 * wrong --out is reported at once.
 */
export function checkDestination(path: string, options: OutputDirOptions = {}): Destination {
  const dest = inspectDestination(path, options);
  if (dest.kind === 'results' && !options.force) {
    throw new InputError(options.flag ?? '--out', path, `that is a results folder from an earlier run (${dest.label}): add --force to replace it once the new results are complete, or give a new folder`);
  }
  return dest;
}

function open(path: string, options: OutputDirOptions, attempt: number): OutputDir {
  const flag = options.flag ?? '--out';
  const dest = checkDestination(path, options);
  const created = makeParents(dirname(dest.abs), path, flag);
  if (dest.kind === 'missing') {
    try {
      mkdirSync(dest.abs);
    } catch (err) {
      // Someone made it meanwhile: decide again on what is there now (once).
      if (errnoCode(err) === 'EEXIST' && attempt === 0) return open(path, options, 1);
      throw writeError(err, `the results folder ${path}`, `choose another ${flag}`);
    }
    return stage(path, dest.abs, 'placeholder', options, created);
  }
  return stage(path, dest.abs, dest.kind === 'results' ? 'replace' : 'empty', options, created);
}

/** `--out` when given, else a new folder `<defaultParent>/<defaultName>` (made unique). */
export function openDestination(out: string | undefined, force: boolean, defaultParent: string, defaultName: string): OutputDir {
  return out !== undefined ? openOutputDir(out, { force }) : openNewOutputDir(defaultParent, defaultName);
}

/**
 * Opens a new folder `<parent>/<name>` that no other run can take: the name is reserved by creating
 * it (an exclusive mkdir), and `-2`, `-3`, … are added while the name is taken, so runs started in
 * the same second get folders of their own.
 */
export function openNewOutputDir(parent: string, name: string, flag = '--out'): OutputDir {
  const created = makeParents(resolve(parent), parent, flag);
  for (let i = 1; i <= 10_000; i++) {
    const path = join(parent, i === 1 ? name : `${name}-${i}`);
    try {
      mkdirSync(resolve(path));
    } catch (err) {
      if (errnoCode(err) === 'EEXIST') continue;
      throw writeError(err, `the results folder ${path}`, `choose a folder with ${flag}`);
    }
    return stage(path, resolve(path), 'placeholder', { flag }, created);
  }
  throw new RunError(`cannot find a free folder name for ${join(parent, name)} (10,000 taken); choose a folder with ${flag}`);
}

/**
 * The model and start time of a folder's manifest.json when this program wrote it; else undefined.
 * `folders`: the subfolders a `run --scenario all` manifest lists (`scenarios.<name>.folder`).
 */
export function readOwnManifest(dir: string): { model: string; startedAt: string; folders: string[] } | undefined {
  try {
    const file = join(dir, 'manifest.json');
    if (!lstatSync(file).isFile()) return undefined;
    const m = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof m !== 'object' || m === null || Array.isArray(m)) return undefined;
    const r = m as Record<string, unknown>;
    const versions = r.versions as Record<string, unknown> | null | undefined;
    const ours =
      typeof r.model === 'string' &&
      typeof r.startedAt === 'string' &&
      typeof r.modelFileSha256 === 'string' &&
      Array.isArray(r.command) &&
      typeof versions === 'object' && versions !== null && typeof versions['ai-energy-mc'] === 'string';
    const listed = r.scenario === 'all' && typeof r.scenarios === 'object' && r.scenarios !== null ? Object.values(r.scenarios as Record<string, unknown>) : [];
    const folders = listed.map((s) => (s as { folder?: unknown } | null)?.folder).filter((f): f is string => typeof f === 'string' && SUBFOLDER.test(f));
    return ours ? { model: r.model as string, startedAt: r.startedAt as string, folders } : undefined;
  } catch {
    return undefined;
  }
}

/** A scenario's subfolder: one path segment, as a scenario's name is (names.ts). */
const SUBFOLDER = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * The listed subfolders that are results folders of ours in turn: a real folder (not a link),
 * with our manifest.json, holding only what a run writes. Anything else in the top folder,
 * a listed name included, is the user's, and keeps the whole folder from being replaced.
 */
function scenarioFolders(abs: string, listed: readonly string[]): string[] {
  return listed.filter((name) => {
    const dir = join(abs, name);
    try {
      if (!lstatSync(dir).isDirectory()) return false;
      const inner = readOwnManifest(dir);
      return inner !== undefined && inner.folders.length === 0 && readdirSync(dir).every((e) => RESULTS_ENTRIES.has(e) && !e.startsWith('scenarios.'));
    } catch {
      return false;
    }
  });
}

/** A hidden sibling name for `abs` with a prefix (`.tmp-`, `.old-`), unique to this process and call. */
export function siblingName(abs: string, prefix: string): string {
  return join(dirname(abs), `${prefix}${basename(abs).slice(0, 80)}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

type Mode = 'placeholder' | 'empty' | 'replace';

/** Creates the temporary sibling, checks that it takes a write, and registers the undo actions. */
/** `createdParents`: the outermost parent folder this command made for `abs`, removed again (if still empty) when the command fails. */
function stage(path: string, abs: string, mode: Mode, options: OutputDirOptions, createdParents?: string): OutputDir {
  const flag = options.flag ?? '--out';
  const tmp = siblingName(abs, '.tmp-');
  let state: 'staged' | 'committed' | 'done' = 'staged';
  let old: string | undefined;
  const what = `the results folder ${path}`;
  const fix = `choose another ${flag}`;

  const undo = () => {
    if (state === 'staged') {
      rmSync(tmp, { recursive: true, force: true });
      if (mode === 'placeholder') removeEmptyFolder(abs);
      if (createdParents !== undefined) removeEmptyParents(dirname(abs), createdParents);
    } else if (state === 'committed') {
      rmSync(abs, { recursive: true, force: true });
      if (old !== undefined) renameSync(old, abs);
      else if (mode === 'empty') mkdirSync(abs); // the user's empty folder, as it was
    }
    state = 'done';
  };
  const unregister = onAbandon(undo);

  try {
    makeProbedFolder(tmp);
  } catch (err) {
    unregister();
    undo();
    throw writeError(err, what, fix);
  }

  return {
    path,
    tmp,
    writeFiles(files) {
      try {
        for (const [name, contents] of Object.entries(files)) {
          const file = join(tmp, name);
          mkdirSync(dirname(file), { recursive: true });
          writeFileSync(file, contents);
        }
      } catch (err) {
        throw writeError(err, what, fix);
      }
    },
    commit() {
      if (state !== 'staged') throw new Error(`commit of ${path} in state ${state}`);
      // What is there must still be what was decided on when the command started.
      const now = inspectDestination(path, options);
      const expected = mode === 'replace' ? 'results' : 'empty';
      if (now.kind !== expected) throw new RunError(`${path} changed while this command ran (it is now ${now.kind === 'missing' ? 'gone' : 'a results folder'}); the new results were not written`);
      try {
        if (mode === 'replace') {
          const aside = siblingName(abs, '.old-');
          renameSync(abs, aside);
          old = aside;
          try {
            renameSync(tmp, abs);
          } catch (err) {
            renameSync(aside, abs);
            old = undefined;
            throw err;
          }
        } else {
          renameSync(tmp, abs); // onto an empty folder: POSIX replaces it atomically
        }
      } catch (err) {
        throw writeError(err, what, fix);
      }
      state = 'committed';
    },
    finish() {
      if (state !== 'committed') throw new Error(`finish of ${path} in state ${state}`);
      unregister();
      state = 'done';
      markKept(abs);
      if (old !== undefined) rmSync(old, { recursive: true, force: true });
    },
    discard() {
      unregister();
      const aside = old;
      try {
        undo();
      } catch (err) {
        // Never silent about the user's earlier results: say where they are.
        throw new RunError(`could not put ${path} back as it was (${(err as Error).message.split('\n')[0]})${aside !== undefined && existsSync(aside) ? `; its earlier content is in ${aside}` : ''}`);
      }
    },
  };
}

/** Makes the folders above a destination; returns the outermost one it created, if any. */
function makeParents(parentAbs: string, path: string, flag: string): string | undefined {
  try {
    return mkdirSync(parentAbs, { recursive: true });
  } catch (err) {
    const code = errnoCode(err);
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new InputError(flag, path, 'a part of that path is a file, not a folder: give a new or empty folder');
    throw writeError(err, `the results folder ${path}`, `choose another ${flag}`);
  }
}

/**
 * Makes the staging folder `dir` and writes and removes one byte in it, so that a full disk or a
 * read-only mount shows now, not after sampling.
 */
export function makeProbedFolder(dir: string): void {
  mkdirSync(dir);
  const probe = join(dir, '.probe');
  writeFileSync(probe, '\n');
  unlinkSync(probe);
}

/** Removes `from` and the folders above it up to `outermost`, each only while empty. */
function removeEmptyParents(from: string, outermost: string): void {
  for (let dir = from; ; dir = dirname(dir)) {
    removeEmptyFolder(dir);
    if (dir === outermost || dirname(dir) === dir) return;
  }
}

function removeEmptyFolder(abs: string): void {
  try {
    rmdirSync(abs); // not recursive: a placeholder that someone else filled is theirs now
  } catch {
    // already gone, or no longer empty
  }
}

function isMountPoint(abs: string, stats: Stats): boolean {
  try {
    return statSync(dirname(abs)).dev !== stats.dev;
  } catch {
    return false;
  }
}

function kindOf(stats: Stats): string {
  if (stats.isFile()) return 'a file';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isFIFO()) return 'a named pipe';
  if (stats.isSocket()) return 'a socket';
  return 'not a folder';
}

function safeReadlink(abs: string): string {
  try {
    return JSON.stringify(readlinkSync(abs));
  } catch {
    return 'somewhere';
  }
}

function listEntries(entries: readonly string[]): string {
  const shown = entries.slice(0, 3).map((e) => JSON.stringify(e)).join(', ');
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown;
}
