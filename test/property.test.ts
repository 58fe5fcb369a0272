import { migrationFailureReason, MIGRATION_FAILURE_REASON as P } from '../src/core/migration';
import { defineProperty, PropertyRangeError, PropertyValue, ReadOnlyPropertyError } from '../src/core/property';

test('the descriptor carries every attribute of the seed page', () => {
  expect(P).toMatchObject({
    name: 'MigrationFailureReason',
    dataType: 'DWORD',
    access: 'read-only',
    status: 'required',
    structure: 'CLUSPROP_DWORD',
    minimum: 0,
    maximum: 0xffffffff,
    default: 0,
  });
  expect(P.values.map((v) => [v.name, v.value, v.description])).toEqual([
    ['S_OK', 0, 'The migration completed successfully.'],
    ['E_BUSY', 0x800700aa, 'The migration failed because another migration was in progress.'],
    ['E_FAIL', 0x80004005, 'The migration failed for some other reason.'],
  ]);
  expect(Object.isFrozen(P)).toBe(true);
  expect(Object.isFrozen(P.values[0])).toBe(true);
});

test('a default-constructed value is 0, S_OK', () => {
  const v = migrationFailureReason();
  expect(v.value).toBe(0);
  expect(v.documented?.name).toBe('S_OK');
});

test.each([0, 1, 0x800700aa, 0xffffffff])('value %s is in range', (n) => {
  expect(migrationFailureReason(n).value).toBe(n);
});

test.each([-1, 0x100000000, 1.5, Number.NaN])('value %s is out of range', (n) => {
  expect(() => migrationFailureReason(n)).toThrow(PropertyRangeError);
  expect(() => migrationFailureReason(n)).toThrow(/MigrationFailureReason: .* is out of range \(0x00000000\.\.0xFFFFFFFF\)/);
});

test('a read-only value cannot be changed by any path', () => {
  const v = migrationFailureReason(0x800700aa);
  expect(() => {
    (v as { value: number }).value = 0;
  }).toThrow(ReadOnlyPropertyError);
  expect(() => v.with(0)).toThrow('MigrationFailureReason is read-only and cannot be set');
  expect(Object.isFrozen(v)).toBe(true);
  expect(() => {
    (v as unknown as { extra: number }).extra = 1;
  }).toThrow(TypeError);
  expect(v.value).toBe(0x800700aa);
});

test('a read-write property makes new values and leaves the old one alone', () => {
  const rw = defineProperty({ ...P, name: 'Writable', access: 'read-write', minimum: 0, maximum: 10, default: 0, values: [] });
  const a = new PropertyValue(rw, 3);
  const b = a.with(7);
  expect([a.value, b.value]).toEqual([3, 7]);
  expect(() => a.with(11)).toThrow(PropertyRangeError);
});

test('a descriptor whose documented values break its own range is refused', () => {
  expect(() => defineProperty({ ...P, maximum: 10 })).toThrow(PropertyRangeError);
});
