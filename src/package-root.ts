/**
 * Where the package lies, found by walking up from this module to the package.json named
 * ai-energy-mc rather than by a fixed `../..`: this module runs from `src/` (tests, tsx) and from
 * `dist/src/` (the build, the installed package), one folder deeper.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_NAME = 'ai-energy-mc';

interface PackageJson {
  readonly name?: string;
  readonly version: string;
}

function findPackage(from: string): { root: string; json: PackageJson } {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const json = JSON.parse(readFileSync(file, 'utf8')) as PackageJson;
      if (json.name === PACKAGE_NAME) return { root: dir, json };
    }
    if (dirname(dir) === dir) throw new Error(`${PACKAGE_NAME}: no package.json named ${PACKAGE_NAME} above ${from}`);
  }
}

const found = findPackage(dirname(fileURLToPath(import.meta.url)));

/** The package's root folder (the one holding its package.json, `models/` and `dist/`). */
export const PACKAGE_ROOT: string = found.root;
/** The package's version, from its package.json. */
export const PACKAGE_VERSION: string = found.json.version;
/** True when this code runs compiled (from `dist/`), false when it runs from the TypeScript sources. */
export const COMPILED: boolean = import.meta.url.endsWith('.js');
