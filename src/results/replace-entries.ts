/**
 * Re-rendering inside a finished results folder (`report DIR`): `charts/` and `report.html` are
 * written into a hidden staging folder inside DIR (same file system, so renames are atomic), then
 * swapped in by renames. The old entries are kept in the staging folder until `finish`, so a failure
 * — a full disk mid-PNG, a chart that will not render, a signal — leaves DIR exactly as it was.
 *
 * Entries are replaced only in a results folder this program wrote (its manifest.json), or where
 * they do not exist yet; a `charts` that is not a real folder, or a `report.html` that is not a
 * regular file, is refused, since someone else put it there.
 */
import { lstatSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../errors.ts';
import { markKept, onAbandon } from './cleanup.ts';
import { makeProbedFolder, readOwnManifest, siblingName } from './output-dir.ts';
import { errnoCode, writeError } from './write-error.ts';

export interface StagedEntries {
  /** Where to write the new entries (same names as in DIR). */
  readonly tmp: string;
  /** Swaps every entry written into `tmp` in place of DIR's. */
  commit(): void;
  finish(): void;
  discard(): void;
}

/** What each replaceable entry must be when it already exists. */
export type EntryKind = 'folder' | 'file';

export function openEntriesReplacement(dir: string, entries: Readonly<Record<string, EntryKind>>, field = 'results folder'): StagedEntries {
  const abs = resolve(dir);
  const present: string[] = [];
  for (const [name, kind] of Object.entries(entries)) {
    try {
      const s = lstatSync(join(abs, name));
      const ok = kind === 'folder' ? s.isDirectory() : s.isFile();
      if (!ok) throw new InputError(field, dir, `its ${name} is not a ${kind === 'folder' ? 'folder' : 'regular file'} written by ai-energy-mc (${s.isSymbolicLink() ? 'a symbolic link' : 'something else'}), so it is never replaced: move it away first`);
      present.push(name);
    } catch (err) {
      if (err instanceof InputError) throw err;
      if (errnoCode(err) !== 'ENOENT') throw writeError(err, `${join(dir, name)}`, 'check the folder');
    }
  }
  if (present.length > 0 && readOwnManifest(abs) === undefined) {
    throw new InputError(field, dir, `it already holds ${present.join(' and ')} but no manifest.json of ai-energy-mc, so they are not ours to replace: move them away first`);
  }

  const tmp = siblingName(join(abs, 'report'), '.tmp-');
  let state: 'staged' | 'committed' | 'done' = 'staged';
  const swapped: Array<{ name: string; old?: string }> = [];
  const unswap = () => {
    for (const s of swapped.reverse()) {
      rmSync(join(abs, s.name), { recursive: true, force: true });
      if (s.old !== undefined) renameSync(s.old, join(abs, s.name));
    }
    swapped.length = 0;
  };
  const undo = () => {
    if (state === 'committed') unswap();
    rmSync(tmp, { recursive: true, force: true });
    state = 'done';
  };
  const unregister = onAbandon(undo);
  try {
    makeProbedFolder(tmp);
  } catch (err) {
    unregister();
    undo();
    throw writeError(err, `charts and report.html into ${dir}`, 'check the folder');
  }
  return {
    tmp,
    commit() {
      try {
        for (const name of Object.keys(entries)) {
          if (!exists(join(tmp, name))) continue;
          const aside = exists(join(abs, name)) ? join(tmp, `.old-${name}`) : undefined;
          if (aside !== undefined) renameSync(join(abs, name), aside);
          swapped.push({ name, old: aside });
          renameSync(join(tmp, name), join(abs, name));
        }
      } catch (err) {
        unswap();
        throw writeError(err, `charts and report.html into ${dir}`, 'check the folder');
      }
      state = 'committed';
    },
    finish() {
      unregister();
      state = 'done';
      markKept(abs);
      rmSync(tmp, { recursive: true, force: true });
    },
    discard() {
      unregister();
      undo();
    },
  };
}

function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}
