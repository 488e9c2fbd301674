/** --help (issue 11 §6): each default said once, none for false flags or an empty --set, and examples for every command. */
import { describe, expect, it } from 'vitest';
import { defaultText } from '../../src/cli/help.ts';
import { cli } from './helpers.ts';

const COMMANDS = [[], ['run'], ['sensitivity'], ['report'], ['compare'], ['models'], ['describe']];

describe('--help', () => {
  for (const command of COMMANDS) {
    it(`${command.join(' ') || '(top level)'}: defaults once, examples`, async () => {
      const r = await cli([...command, '--help']);
      expect(r.code).toBe(0);
      const help = r.stdout;
      expect(help).not.toContain('(default: {})');
      expect(help).not.toContain('(default: [])');
      expect(help).not.toContain('(default: false)');
      // One option's entry: its first line and the indented lines after it; "default" at most once in each.
      const entries = help.split(/\n(?=  \S)/);
      for (const entry of entries) expect(entry.match(/\(default\b/g)?.length ?? 0, entry).toBeLessThanOrEqual(1);
      const examples = help.slice(help.indexOf('Examples:'));
      expect(help).toContain('Examples:');
      expect(examples.match(/^  \$ ai-energy-mc /gm)?.length).toBeGreaterThanOrEqual(2);
    });
  }

  it('run: the sample count once, in words people read', async () => {
    const help = (await cli(['run', '--help'])).stdout;
    expect(help).toMatch(/number of samples \(default 1,000,000\)\n/);
    expect(help).not.toContain('1000000');
    expect(help).not.toMatch(/one per core\)\s+\(default/);
  });

  it('sensitivity: --samples default grouped, --trajectories listed', async () => {
    const help = (await cli(['sensitivity', '--help'])).stdout;
    expect(help).toContain('(default: 8,192)');
    expect(help).toContain('--trajectories <r>');
  });
});

describe('defaultText', () => {
  it('says nothing for absent, false or empty values', () => {
    expect([defaultText(undefined), defaultText(false), defaultText({}), defaultText([])]).toEqual([undefined, undefined, undefined, undefined]);
  });
  it('numbers grouped, plain words bare, other text quoted', () => {
    expect([defaultText(8192), defaultText('edunov-2023'), defaultText('a b'), defaultText(true)]).toEqual(['8,192', 'edunov-2023', '"a b"', 'true']);
  });
});
