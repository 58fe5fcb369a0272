// The queries behind lookup, search and list, in process: names, suggestions and errors.
import { closestFacilities, closestNames, listCodes, lookupName, NotFoundError, searchWords } from '../src/core/query';

describe('lookupName', () => {
  test('an exact name in any case gives that code; the seed names the headers lack are codes too', () => {
    expect(lookupName('e_accessdenied')).toEqual({ exact: { name: 'E_ACCESSDENIED', value: 0x80070005, kind: 'hresult', source: 'winerror.h' } });
    expect(lookupName(' E_BUSY ')).toEqual({ exact: { name: 'E_BUSY', value: 0x800700aa, kind: 'hresult', source: 'MigrationFailureReason' } });
  });

  test('part of a name finds the seed codes as well as the table', () => {
    const r = lookupName('BUS');
    expect('matches' in r && r.matches.map((c) => c.name)).toContain('E_BUSY');
  });

  test('no match: NotFoundError with the closest names; an empty name is an error too', () => {
    let error: unknown;
    try {
      lookupName('E_ACESSDENIEDX');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).suggestions[0]).toBe('E_ACCESSDENIED');
    expect((error as Error).message).toMatch(/^no code is named "E_ACESSDENIEDX"; did you mean E_ACCESSDENIED/);
    expect(() => lookupName('  ')).toThrow(new NotFoundError('empty name'));
  });
});

describe('suggestions', () => {
  test('closestNames: nearest first, ties by name, none beyond a third of the length', () => {
    expect(closestNames('E_ACCESDENIED', 3)).toEqual(['E_ACCESSDENIED']);
    expect(closestNames('ERROR_FILE_NOT_FOUNDD', 2)).toEqual(['ERROR_FILE_NOT_FOUND', expect.stringMatching(/^ERROR_/)]);
    expect(closestNames('QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ')).toEqual([]);
    expect(closestNames('E_BUSX', 1)).toEqual(['E_BUSY']);
  });

  test('closestFacilities: by name, FACILITY_ and case aside, in the space asked', () => {
    expect(closestFacilities('facility_win33', 'hresult')).toContain('WIN32');
    expect(closestFacilities('DXGII', 'hresult')[0]).toBe('DXGI');
    expect(closestFacilities('NTWIN31', 'ntstatus')[0]).toBe('NTWIN32');
    expect(closestFacilities('NTWIN31', 'hresult')).not.toContain('NTWIN32');
    expect(closestFacilities('ZZZZZZZZZZZZ', 'hresult')).toEqual([]);
  });
});

describe('searchWords and listCodes', () => {
  test('search: every word, in names or written descriptions; the seed text counts; no words is an error', () => {
    expect(searchWords('another migration').map((c) => c.name)).toContain('E_BUSY');
    expect(searchWords('ACCESS denied').map((c) => c.name).slice(0, 2)).toEqual(['E_ACCESSDENIED', 'ERROR_ACCESS_DENIED']);
    expect(searchWords('zzzzqqq')).toEqual([]);
    expect(() => searchWords('   ')).toThrow(new NotFoundError('no words to search for'));
  });

  test('list: by kind, by facility (name or number), the seed codes with them; an unknown facility names the closest', () => {
    const win32 = listCodes({ kind: 'win32' });
    expect(win32.every((c) => c.kind === 'win32')).toBe(true);
    expect(listCodes({ facility: '0x7' })).toEqual(listCodes({ facility: 'FACILITY_WIN32' }));
    expect(listCodes({ facility: 'WIN32' }).map((c) => c.name)).toEqual(expect.arrayContaining(['E_BUSY', 'ERROR_ACCESS_DENIED', 'E_ACCESSDENIED']));
    // NTWIN32 has no NTSTATUS codes of its own (an empty list passes any .every): DEBUGGER has 15.
    const debuggerCodes = listCodes({ kind: 'ntstatus', facility: 'DEBUGGER' });
    expect(debuggerCodes).toHaveLength(15);
    expect(debuggerCodes.every((c) => c.kind === 'ntstatus' && ((c.value >>> 16) & 0xfff) === 1)).toBe(true);
    expect(() => listCodes({ facility: 'DXGII' })).toThrow('no HRESULT facility is named "DXGII"; did you mean DXGI');
    expect(() => listCodes({ kind: 'ntstatus', facility: 'NTWIN31' })).toThrow(/^no NTSTATUS facility is named "NTWIN31"; did you mean NTWIN32/);
  });
});
