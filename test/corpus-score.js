// Scores scan's findings against the corpus manifests: recall, precision and findings on the
// non-Windows logs. Used by test/corpus.test.ts and by `npm run bench`. Plain CommonJS, so both
// jest and the bench (ESM) can load it.
'use strict';
const { existsSync, readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');

/** Every manifest entry under `root`, with its absolute path. */
function loadCorpus(root) {
  const entries = [];
  for (const dir of readdirSync(root).sort()) {
    const manifest = join(root, dir, 'manifest.json');
    if (!statSync(join(root, dir)).isDirectory() || !existsSync(manifest)) continue;
    for (const e of JSON.parse(readFileSync(manifest, 'utf8'))) entries.push({ ...e, group: dir, path: join(root, dir, e.file) });
  }
  return entries;
}

/**
 * findings: objects with file (the path scanned), line, value (number) and kind.
 * A finding is right when its file, line, value and kind match an expected row; a row marked
 * optional counts neither way. The same value and kind twice on one line count once.
 */
function score(entries, findings) {
  const byPath = new Map(entries.map((e) => [e.path, e]));
  // The kind is compared for values below 0x10000, where it decides the name ("NTSTATUS 259" is
  // STATUS_PENDING, not ERROR_NO_MORE_ITEMS); a larger value names itself.
  const key = (line, value, kind) => `${line}:${value >>> 0}:${(value >>> 0) < 0x10000 ? kind : ''}`;
  const seen = new Set();
  const hits = new Set();
  const wrong = [];
  const noise = [];
  for (const f of findings) {
    const e = byPath.get(f.file);
    if (!e) throw new Error(`finding in a file the corpus does not list: ${f.file}`);
    const k = `${e.path}|${key(f.line, f.value, f.kind)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    const row = e.expected.find((x) => key(x.line, parseInt(x.value, 16), x.kind) === key(f.line, f.value, f.kind));
    if (row) {
      if (!row.optional) hits.add(`${e.path}|${key(row.line, parseInt(row.value, 16), row.kind)}`);
      continue;
    }
    const found = { file: `${e.group}/${e.file}`, line: f.line, hex: hex(f.value), kind: f.kind, match: f.match, confidence: f.confidence };
    if (e.windows) wrong.push(found);
    else noise.push(found);
  }
  const missed = [];
  let required = 0;
  for (const e of entries) {
    for (const x of e.expected) {
      if (x.optional) continue;
      required++;
      if (!hits.has(`${e.path}|${key(x.line, parseInt(x.value, 16), x.kind)}`)) missed.push({ file: `${e.group}/${e.file}`, line: x.line, text: x.text, hex: x.value, kind: x.kind });
    }
  }
  const tp = hits.size;
  const fp = wrong.length + noise.length;
  return {
    files: entries.length,
    windowsFiles: entries.filter((e) => e.windows).length,
    otherFiles: entries.filter((e) => !e.windows).length,
    required,
    truePositives: tp,
    falsePositives: fp,
    recall: required === 0 ? 1 : tp / required,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    missed,
    wrong,
    noise,
  };
}

function hex(v) {
  return '0x' + (v >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

/** Checks a manifest entry against its file: lines exist and hold the text given. */
function checkEntry(e) {
  const problems = [];
  const lines = readFileSync(e.path, 'utf8').split('\n');
  if (!/^https?:\/\//.test(e.source ?? '')) problems.push('no source URL');
  if (!e.windows && e.expected.length > 0) problems.push('a non-Windows log with expected codes');
  for (const x of e.expected) {
    if (!/^0x[0-9A-F]{8}$/.test(x.value)) problems.push(`value ${x.value} is not 0x + 8 upper-case hex digits`);
    if (!['hresult', 'win32', 'ntstatus'].includes(x.kind)) problems.push(`kind ${x.kind}`);
    if (!(lines[x.line - 1] ?? '').includes(x.text)) problems.push(`line ${x.line} does not contain ${JSON.stringify(x.text)}`);
  }
  return problems;
}

module.exports = { loadCorpus, score, checkEntry, hex };
