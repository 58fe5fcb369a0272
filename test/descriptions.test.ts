import { DESCRIPTIONS } from '../src/data/descriptions';
import { codeByName } from '../src/data/db';
import { deriveDescription, describe as describeCode } from '../src/data/describe';

test('every written description belongs to a code mfr knows and reads as a sentence', () => {
  for (const [name, text] of Object.entries(DESCRIPTIONS)) {
    expect([name, codeByName(name)?.name]).toEqual([name, name]);
    expect(text).toMatch(/^[A-Z0-9%(].*[.]$/);
    expect(text.length).toBeLessThanOrEqual(240);
  }
});

test.each([
  ['ERROR_CLUSTER_NODE_NOT_FOUND', 'Cluster node not found.'],
  ['NERR_NetNotStarted', 'Net not started.'],
  ['WSAEWOULDBLOCK', 'Wouldblock.'],
  ['DXGI_ERROR_DEVICE_REMOVED', 'Device removed.'],
  ['STATUS_ACCESS_DENIED', 'Access denied.'],
  ['WU_E_PT_HTTP_STATUS_NOT_FOUND', 'Pt HTTP status not found.'],
  ['E_FOO', 'Foo.'],
])('derived from the name: %s → %s', (name, text) => {
  expect(deriveDescription(name)).toBe(text);
});

test('written beats derived, and derived is marked', () => {
  expect(describeCode('ERROR_ACCESS_DENIED').source).toBe('mfr');
  expect(describeCode('ERROR_NO_SUCH_THING_AT_ALL')).toEqual({ text: 'No such thing at all.', source: 'derived' });
});
