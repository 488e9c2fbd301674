/**
 * The Inter font files that ship with `@expo-google-fonts/inter` (an npm dependency), so
 * rendering needs no system fonts: the PNG rasteriser draws with them, headless layout
 * measures with them, and the HTML report embeds two of them.
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The Inter weights the charts use: regular text, medium, axis and chart titles, bold. */
export const INTER_FILES = {
  400: '400Regular/Inter_400Regular.ttf',
  500: '500Medium/Inter_500Medium.ttf',
  600: '600SemiBold/Inter_600SemiBold.ttf',
  700: '700Bold/Inter_700Bold.ttf',
} as const;

/** Absolute path of one Inter weight's TTF. */
export function interFontFile(weight: keyof typeof INTER_FILES): string {
  return require.resolve(`@expo-google-fonts/inter/${INTER_FILES[weight]}`);
}

/** Absolute paths of the Inter TTFs, regular to bold. */
export function interFontFiles(): string[] {
  return ([400, 500, 600, 700] as const).map(interFontFile);
}
