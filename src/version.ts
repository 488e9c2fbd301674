import { PACKAGE_VERSION } from './package-root.ts';

/** The engine's version, from package.json (recorded in every results folder). */
export const ENGINE_VERSION: string = PACKAGE_VERSION;
