/**
 * Writes a results folder all at once: files go to a temporary sibling folder that is renamed
 * into place at the end, so an interrupted run never leaves a half-written folder behind.
 * An existing folder at the target is replaced only after the new one is complete.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export type FileContents = Readonly<Record<string, string | Uint8Array>>;

/**
 * `populate` may add more files to the temporary folder (charts, a report) before it is
 * renamed into place, so they are part of the same all-or-nothing write.
 */
export async function writeResultsDir(dir: string, files: FileContents, populate?: (tmpDir: string) => Promise<void>): Promise<void> {
  const parent = dirname(dir);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.tmp-${basename(dir)}-${process.pid}-${Date.now()}`);
  const cleanup = () => rmSync(tmp, { recursive: true, force: true });
  process.once('exit', cleanup);
  try {
    mkdirSync(tmp);
    for (const [name, contents] of Object.entries(files)) {
      const file = join(tmp, name);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, contents);
    }
    if (populate) await populate(tmp);
    if (existsSync(dir)) {
      const old = `${tmp}-old`;
      renameSync(dir, old);
      renameSync(tmp, dir);
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(tmp, dir);
    }
  } catch (err) {
    cleanup();
    throw err;
  } finally {
    process.off('exit', cleanup);
  }
}
