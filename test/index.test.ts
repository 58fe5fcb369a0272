// The library API: importable, typed, and free of side effects on import.
test('importing src/index adds no process listeners and prints nothing', () => {
  const events = ['exit', 'uncaughtException', 'unhandledRejection', 'SIGINT', 'SIGTERM', 'warning'] as const;
  const before = events.map((e) => process.listenerCount(e));
  const write = jest.spyOn(process.stdout, 'write');
  const errWrite = jest.spyOn(process.stderr, 'write');
  jest.isolateModules(() => {
    const api = require('../src/index');
    expect(typeof api.decode).toBe('function');
    expect(api.decode(0x800700aa).name).toBe('E_BUSY');
    expect(api.parseDword('-2147024726')).toBe(0x800700aa);
    expect(api.MIGRATION_FAILURE_REASON.access).toBe('read-only');
  });
  expect(events.map((e) => process.listenerCount(e))).toEqual(before);
  expect(write).not.toHaveBeenCalled();
  expect(errWrite).not.toHaveBeenCalled();
});

test('the built library and its type declarations exist after the build', () => {
  const { existsSync } = require('node:fs');
  const { join } = require('node:path');
  const pkg = require('../package.json');
  expect(existsSync(join(__dirname, '..', pkg.main))).toBe(true);
  expect(existsSync(join(__dirname, '..', pkg.types))).toBe(true);
  const lib = require(join(__dirname, '..', pkg.main));
  expect(lib.decode(5).name).toBe('ERROR_ACCESS_DENIED');
});
