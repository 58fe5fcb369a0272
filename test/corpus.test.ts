// The real-world corpus: scan's measure. Recall, precision and noise over every excerpt in
// test/corpus/, through the built CLI as a user runs it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { loadCorpus, score, checkEntry } = require('./corpus-score.js');

const BIN = join(__dirname, '..', 'bin', 'mfr.js');
const corpus = loadCorpus(join(__dirname, 'corpus'));

describe('the corpus itself', () => {
  test('has at least 120 excerpts, 50 of them everyday non-Windows logs', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(120);
    expect(corpus.filter((e: { windows: boolean }) => !e.windows).length).toBeGreaterThanOrEqual(50);
  });

  test('every manifest row names its source and matches its file', () => {
    const problems = corpus.flatMap((e: { group: string; file: string }) => checkEntry(e).map((p: string) => `${e.group}/${e.file}: ${p}`));
    expect(problems).toEqual([]);
  });
});

describe('mfr scan on the corpus', () => {
  const r = spawnSync(process.execPath, [BIN, 'scan', '--json', ...corpus.map((e: { path: string }) => e.path)], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const findings = r.stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));
  const s = score(corpus, findings);

  test('runs cleanly', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  test('finds no code in the everyday non-Windows logs', () => {
    expect(s.noise).toEqual([]);
  });

  test('recall ≥ 95%', () => {
    if (s.recall < 0.95) expect(s.missed).toEqual([]);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
  });

  test('precision ≥ 97%', () => {
    if (s.precision < 0.97) expect(s.wrong).toEqual([]);
    expect(s.precision).toBeGreaterThanOrEqual(0.97);
  });
});
