/**
 * The library's one-call writer of a results folder (used by `writeSensitivity`): files go to a
 * temporary sibling that is renamed into place, through the same rules as the CLI's `--out`
 * (`output-dir.ts`). A library caller asks to write `dir`, so an earlier folder of ours there is
 * replaced — one with our manifest.json, or one that holds only the names about to be written —
 * while anything else (other files, a file, a device, a link) is refused and left untouched.
 */
import { openOutputDir, type FileContents } from './output-dir.ts';

export type { FileContents } from './output-dir.ts';

/**
 * `populate` may add more files to the temporary folder (charts, a report) before it is
 * renamed into place, so they are part of the same all-or-nothing write.
 */
export async function writeResultsDir(dir: string, files: FileContents, populate?: (tmpDir: string) => Promise<void>): Promise<void> {
  const out = openOutputDir(dir, { force: true, flag: 'results folder', ownNames: new Set(Object.keys(files).map((f) => f.split('/')[0])) });
  try {
    out.writeFiles(files);
    if (populate) await populate(out.tmp);
    out.commit();
    out.finish();
  } catch (err) {
    out.discard();
    throw err;
  }
}
