// npm run mutate's second run: the CLI, whose goal is lower than the core's (its tests check
// output as a whole, which a mutant in wording or layout can slip past).
import { readFileSync } from 'node:fs';

const core = JSON.parse(readFileSync(new URL('./stryker.config.json', import.meta.url), 'utf8'));

export default {
  ...core,
  mutate: ['src/cli/**/*.ts', '!src/cli/bin.ts', '!src/cli/codefile.ts'],
  jsonReporter: { fileName: '.cache/mutation/cli.json' },
  thresholds: { high: 85, low: 75, break: 75 },
};
