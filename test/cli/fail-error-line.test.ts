import { describe, expect, it } from 'vitest';
import { isSystemError, oneLine, systemErrorLine, unexpectedErrorLine } from '../../src/cli/error-line.ts';
import { debugRequested } from '../../src/cli/main.ts';

const systemError = (code: string, syscall: string, path?: string) =>
  Object.assign(new Error(`${code}: something, ${syscall}${path ? ` '${path}'` : ''}`), { code, syscall, ...(path ? { path } : {}) });

describe('one line for a system error, naming the path and what to do', () => {
  it.each([
    ['ENOSPC', 'write', '/r/summary.json', '/r/summary.json: no space left on the device (ENOSPC, write); free some space or write elsewhere (--out)'],
    ['EACCES', 'mkdir', '/r', '/r: permission denied (EACCES, mkdir); choose a place you may write to (--out) or change its permissions'],
    ['EROFS', 'open', '/mnt/ro/x', '/mnt/ro/x: the file system is read-only (EROFS, open); write elsewhere (--out)'],
    ['EBUSY', 'rename', '/r', '/r: the file or folder is busy (in use by another program) (EBUSY, rename); close what uses it or write elsewhere (--out)'],
    ['ENOTDIR', 'mkdir', '/etc/passwd/x', '/etc/passwd/x: a part of the path is a file, not a folder (ENOTDIR, mkdir); check the path'],
    ['EMFILE', 'open', '/r/a.png', '/r/a.png: too many open files in this process (EMFILE, open); raise the limit (ulimit -n) or use fewer --workers'],
    ['ENOMEM', 'spawn', undefined, 'out of memory (ENOMEM, spawn); close other programs, use fewer --workers or fewer samples'],
  ])('%s', (code, syscall, path, line) => {
    const err = systemError(code, syscall, path);
    expect(isSystemError(err)).toBe(true);
    expect(systemErrorLine(err)).toBe(line);
  });

  it('an unknown code keeps Node’s message, on one line', () => {
    expect(systemErrorLine(systemError('EWHATEVER', 'open', '/x'))).toBe("/x: EWHATEVER: something, open '/x'");
  });

  it('an Error with a non-errno code is not a system error', () => {
    expect(isSystemError(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false);
  });
});

describe('the unexpected', () => {
  it('message, type and a pointer to --debug; without the pointer when debugging', () => {
    expect(unexpectedErrorLine(new TypeError('x is undefined'))).toBe('TypeError: x is undefined (unexpected; run again with --debug, or AI_ENERGY_MC_DEBUG=1, to see where it happened)');
    expect(unexpectedErrorLine(new Error('boom'), true)).toBe('boom');
    expect(unexpectedErrorLine('a string', true)).toBe('a string');
  });

  it('folds a multi-line message onto one line', () => {
    expect(oneLine('Transform failed with 1 error:\n/x.ts:6:1: ERROR: Expected "}"\n  more')).toBe('Transform failed with 1 error: /x.ts:6:1: ERROR: Expected "}"; more');
  });
});

describe('--debug', () => {
  it('anywhere before --, or AI_ENERGY_MC_DEBUG=1', () => {
    expect(debugRequested(['run', 'm', '--debug'], {})).toBe(true);
    expect(debugRequested(['--debug', 'run'], {})).toBe(true);
    expect(debugRequested(['run', '--', '--debug'], {})).toBe(false);
    expect(debugRequested(['run'], { AI_ENERGY_MC_DEBUG: '1' })).toBe(true);
    expect(debugRequested(['run'], { AI_ENERGY_MC_DEBUG: '0' })).toBe(false);
  });
});
