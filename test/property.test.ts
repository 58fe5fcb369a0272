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

describe('the MigrationFailureReason descriptor, whole', () => {
  test('every attribute, the summary and the value table are the reference page\'s', () => {
    expect(P).toEqual({
      name: 'MigrationFailureReason',
      summary: 'Provides the HRESULT that details the reason for a failed live migration.',
      dataType: 'DWORD',
      access: 'read-only',
      status: 'required',
      structure: 'CLUSPROP_DWORD',
      minimum: 0,
      maximum: 0xffffffff,
      default: 0,
      values: [
        { name: 'S_OK', value: 0, description: 'The migration completed successfully.' },
        { name: 'E_BUSY', value: 0x800700aa, description: 'The migration failed because another migration was in progress.' },
        { name: 'E_FAIL', value: 0x80004005, description: 'The migration failed for some other reason.' },
      ],
    });
    expect(Object.isFrozen(P.values)).toBe(true);
    expect(P.values.every((v) => Object.isFrozen(v))).toBe(true);
  });

  test.each([
    [0, 'S_OK'],
    [0x800700aa, 'E_BUSY'],
    [0x80004005, 'E_FAIL'],
  ])('the value %s is documented as %s', (n, name) => {
    expect(migrationFailureReason(n).documented).toEqual(P.values.find((v) => v.name === name));
  });

  test.each([1, 0x800700ab, 0x80004004, 0xffffffff])('the value %s has no entry in the table', (n) => {
    expect(migrationFailureReason(n).documented).toBeUndefined();
  });

  test('a value knows its property', () => {
    expect(migrationFailureReason(5).property).toBe(P);
  });
});

describe('range errors say which property, which value and which range', () => {
  const small = defineProperty({ ...P, name: 'Small', access: 'read-write', minimum: 0x10, maximum: 0xffff, default: 0x10, values: [] });

  test.each([
    [0xf, 'Small: 15 is out of range (0x00000010..0x0000FFFF)'],
    [0x10000, 'Small: 65536 is out of range (0x00000010..0x0000FFFF)'],
    [16.5, 'Small: 16.5 is out of range (0x00000010..0x0000FFFF)'],
    [Number.NaN, 'Small: NaN is out of range (0x00000010..0x0000FFFF)'],
    [-1, 'Small: -1 is out of range (0x00000010..0x0000FFFF)'],
  ])('new PropertyValue(Small, %s) throws "%s"', (n, message) => {
    let error: unknown;
    try {
      new PropertyValue(small, n);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PropertyRangeError);
    expect(error).toBeInstanceOf(RangeError);
    const e = error as PropertyRangeError;
    expect([e.name, e.message, e.property, e.value]).toEqual(['PropertyRangeError', message, 'Small', n]);
  });

  test('the bounds themselves are in range, and the default is taken when no value is given', () => {
    expect(new PropertyValue(small, 0x10).value).toBe(0x10);
    expect(new PropertyValue(small, 0xffff).value).toBe(0xffff);
    expect(new PropertyValue(small).value).toBe(0x10);
    expect(new PropertyValue(small).with(0x20).value).toBe(0x20);
    expect(() => new PropertyValue(small).with(0x10000)).toThrow(new PropertyRangeError('Small', 0x10000, 0x10, 0xffff));
  });

  test('the read-only error names the property', () => {
    const e = new ReadOnlyPropertyError('Thing');
    expect(e).toBeInstanceOf(Error);
    expect([e.name, e.message, e.property]).toEqual(['ReadOnlyPropertyError', 'Thing is read-only and cannot be set', 'Thing']);
    const v = migrationFailureReason(0);
    let error: unknown;
    try {
      (v as { value: number }).value = 5;
    } catch (err) {
      error = err;
    }
    expect((error as ReadOnlyPropertyError).message).toBe('MigrationFailureReason is read-only and cannot be set');
    expect((error as ReadOnlyPropertyError).property).toBe('MigrationFailureReason');
  });
});

describe('defineProperty checks the descriptor', () => {
  test.each([
    ['a minimum below 0', { minimum: -1 }],
    ['a maximum beyond a DWORD', { maximum: 2 ** 32 }],
    ['a fractional minimum', { minimum: 0.5 }],
    ['a fractional maximum', { maximum: 9.5 }],
    ['a minimum above the maximum', { minimum: 11, maximum: 10 }],
  ])('%s is a bad range', (_, range) => {
    expect(() => defineProperty({ ...P, name: 'Bad', default: 10, values: [], minimum: 0, maximum: 10, ...range })).toThrow(new RangeError('Bad: bad range'));
  });

  test('a range of one value is a range', () => {
    const one = defineProperty({ ...P, name: 'One', minimum: 7, maximum: 7, default: 7, values: [{ name: 'SEVEN', value: 7, description: 'Seven.' }] });
    expect(new PropertyValue(one).value).toBe(7);
    expect(new PropertyValue(one).documented).toEqual({ name: 'SEVEN', value: 7, description: 'Seven.' });
  });

  test.each([
    ['a default below the minimum', { default: 4 }, 'Ranged: 4 is out of range (0x00000005..0x0000000A)'],
    ['a default above the maximum', { default: 11 }, 'Ranged: 11 is out of range (0x00000005..0x0000000A)'],
    ['a documented value below the minimum', { values: [{ name: 'LOW', value: 4, description: 'Low.' }] }, 'Ranged: 4 is out of range (0x00000005..0x0000000A)'],
    ['a documented value above the maximum', { values: [{ name: 'OK', value: 10, description: 'Ok.' }, { name: 'HIGH', value: 11, description: 'High.' }] }, 'Ranged: 11 is out of range (0x00000005..0x0000000A)'],
  ])('%s is refused', (_, change, message) => {
    expect(() => defineProperty({ ...P, name: 'Ranged', minimum: 5, maximum: 10, default: 5, values: [], ...change })).toThrow(PropertyRangeError);
    expect(() => defineProperty({ ...P, name: 'Ranged', minimum: 5, maximum: 10, default: 5, values: [], ...change })).toThrow(message);
  });

  test('the descriptor it returns is the one given, frozen through and through', () => {
    const values = [{ name: 'A', value: 1, description: 'A.' }];
    const d = defineProperty({ ...P, name: 'Frozen', minimum: 0, maximum: 10, default: 10, values });
    expect(d.values).toBe(values);
    expect([Object.isFrozen(d), Object.isFrozen(values), Object.isFrozen(values[0])]).toEqual([true, true, true]);
  });
});
