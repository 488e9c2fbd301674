/**
 * `--help` text: each default said once, and examples after each command.
 *
 * Commander appends `(default: …)` to every option that has a default value, even when the
 * description already says it in words people read ("(default 1,000,000)", "(default: one per
 * core)"), and even for values that mean "nothing": `false` for a flag, `{}` for a repeatable
 * `--set`. This configuration keeps commander's text only where the description is silent and the
 * value says something.
 */
import type { Argument, HelpConfiguration, Option } from 'commander';

/** Shared by every command: `program.configureHelp(helpConfiguration)` is inherited by subcommands. */
export const helpConfiguration: HelpConfiguration = {
  optionDescription: (option: Option) => withDefault(option.description, option.defaultValue, option.defaultValueDescription),
  argumentDescription: (argument: Argument) => withDefault(argument.description, argument.defaultValue, argument.defaultValueDescription),
};

function withDefault(description: string, value: unknown, said: string | undefined): string {
  if (/\(default\b/.test(description)) return description;
  const text = said ?? defaultText(value);
  return text === undefined ? description : `${description} (default: ${text})`.trimStart();
}

/** How a default reads in help, or undefined when it says nothing (absent, `false`, empty). */
export function defaultText(value: unknown): string | undefined {
  if (value === undefined || value === false) return undefined;
  if (typeof value === 'number') return value.toLocaleString('en-US');
  if (typeof value === 'string') return /^[\w.:/-]+$/.test(value) ? value : JSON.stringify(value);
  if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) return undefined;
  return JSON.stringify(value);
}

/** The `Examples:` block printed after a command's options. */
export function examples(lines: ReadonlyArray<readonly [command: string, what: string]>): string {
  return ['', 'Examples:', ...lines.flatMap(([command, what]) => [`  $ ${command}`, `      ${what}`])].join('\n');
}
