import { describe, expect, it } from 'vitest';
import { exactBytes, exactPercentileShortfall } from '../../src/engine/exact-memory.ts';

const limits = { memory: 32e9, maxLength: 2 ** 32 };

describe('exactPercentileShortfall: 8 bytes per value per output, against ¾ of memory and the longest typed array', () => {
  it('11 outputs × 10^10 samples: 880 GB, too much on both counts', () => {
    expect(exactBytes(11, 1e10)).toBe(880e9);
    expect(exactPercentileShortfall(11, 1e10, limits)).toBe(
      'exact percentiles of 11 outputs × 10^10 samples need 880 GB, more than the 24 GB this machine can spare (¾ of its 32 GB) and more than the 4,294,967,296 values one array can hold',
    );
  });

  it('fits: undefined', () => {
    expect(exactPercentileShortfall(11, 1e7, limits)).toBeUndefined(); // 880 MB
    expect(exactPercentileShortfall(1, 2e9, limits)).toBeUndefined(); // 16 GB of 24
  });

  it('too many values for one array even with memory to spare', () => {
    expect(exactPercentileShortfall(1, 5e9, { memory: 1e12, maxLength: 2 ** 32 })).toBe(
      'exact percentiles of 1 output × 5,000,000,000 samples need 40 GB, more than the 4,294,967,296 values one array can hold',
    );
  });

  it('too much memory only', () => {
    expect(exactPercentileShortfall(3, 1e9, { memory: 16e9, maxLength: 2 ** 32 })).toBe(
      'exact percentiles of 3 outputs × 10^9 samples need 24 GB, more than the 12 GB this machine can spare (¾ of its 16 GB)',
    );
  });
});
