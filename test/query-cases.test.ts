// The queries behind lookup, search and list at their edges: exact results, ranking, limits and errors.
import { closestFacilities, closestNames, listCodeBatches, listCodeRanges, listCodes, lookupName, NotFoundError, searchWords } from '../src/core/query';

const names = (codes: { name: string }[]) => codes.map((c) => c.name);

describe('NotFoundError', () => {
  test('says what was not found, and the closest names when there are some', () => {
    const plain = new NotFoundError('nothing here');
    expect([plain.name, plain.message, plain.suggestions]).toEqual(['NotFoundError', 'nothing here', []]);
    const near = new NotFoundError('nothing here', ['A_B', 'C_D']);
    expect([near.name, near.message, near.suggestions]).toEqual(['NotFoundError', 'nothing here; did you mean A_B, C_D?', ['A_B', 'C_D']]);
    expect(new NotFoundError('x', [])).toMatchObject({ message: 'x' });
    expect(plain).toBeInstanceOf(Error);
  });
});

describe('lookupName', () => {
  test('an exact name: the seed\'s own (E_BUSY) or the headers\' (S_OK is in winerror.h too)', () => {
    expect(lookupName('e_busy')).toEqual({ exact: { name: 'E_BUSY', value: 0x800700aa, kind: 'hresult', source: 'MigrationFailureReason' } });
    expect(lookupName(' s_ok ')).toEqual({ exact: { name: 'S_OK', value: 0, kind: 'hresult', source: 'winerror.h' } });
  });

  test('part of a name: names that start or end with it first, written descriptions next, shorter names next', () => {
    const r = lookupName('E_BUS');
    expect('matches' in r && names(r.matches).slice(0, 8)).toEqual(['E_BUSY', 'ERROR_PIPE_BUSY', 'STATUS_DEVICE_BUSY', 'ERROR_CLUSTER_RESOURCE_TYPE_BUSY', 'NS_E_BUSY', 'SQLITE_E_BUSY', 'ERROR_LINE_BUSY', 'STATUS_PIPE_BUSY']);
    expect('matches' in r && r.matches.length).toBe(25);
    const busy = lookupName('busy');
    expect('matches' in busy && names(busy.matches).slice(0, 8)).toEqual(['ERROR_BUSY', 'ERROR_PIPE_BUSY', 'STATUS_DEVICE_BUSY', 'RPC_S_SERVER_TOO_BUSY', 'ERROR_CLUSTER_GROUP_BUSY', 'ERROR_CLUSTER_RESOURCE_TYPE_BUSY', 'E_BUSY', 'NS_E_BUSY']);
    expect('matches' in busy && busy.matches.length).toBe(68);
  });

  test('underscores are optional, in the text and in the names', () => {
    for (const text of ['NO_INHERITANCE', 'noinheritance', 'NO_INHERIT_ANCE']) {
      expect(lookupName(text)).toEqual({
        matches: [
          { name: 'ERROR_NO_INHERITANCE', value: 1391, kind: 'win32', source: 'winerror.h' },
          { name: 'STATUS_NO_INHERITANCE', value: 0x8000000b, kind: 'ntstatus', source: 'ntstatus.h' },
        ].map((c) => expect.objectContaining(c)),
      });
    }
    const one = lookupName('UNAUTHORIZEDACCESS');
    expect('matches' in one && names(one.matches)).toEqual(['COR_E_UNAUTHORIZEDACCESS']);
  });

  test('no match: the message quotes the text as given (trimmed), with the closest names or none', () => {
    expect(() => lookupName(' ONLY_THIS ')).toThrow(new NotFoundError('no code is named "ONLY_THIS"'));
    let error: unknown;
    try {
      lookupName('e_failx');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NotFoundError);
    expect([(error as NotFoundError).message, (error as NotFoundError).suggestions]).toEqual(['no code is named "e_failx"; did you mean E_FAIL?', ['E_FAIL']]);
    expect(() => lookupName('')).toThrow(new NotFoundError('empty name'));
  });
});

describe('closestNames and closestFacilities', () => {
  test.each([
    ['S_OKXX', 5, ['S_OK']], // distance 2, the least limit
    ['E_FAIX', 5, ['E_FAIL']],
    ['E_BUSX', 5, ['E_BUSY']], // the seed's name that no header has
    ['E_BUSYXX', 5, ['E_BUSY']],
    ['ERROR_FILE_NOT_FOUNDXXX', 5, ['ERROR_FILE_NOT_FOUND', 'ERROR_LINE_NOT_FOUND', 'ERROR_DLL_NOT_FOUND', 'ERROR_PROFILE_NOT_FOUND', 'ERROR_BUNDLE_NOT_FOUND']],
    ['ERROR_FILE_NOT_FOUNDXXX', 2, ['ERROR_FILE_NOT_FOUND', 'ERROR_LINE_NOT_FOUND']],
    ['ERROR_FILE_NOT_FOUNDXXXXXXXXX', 5, ['ERROR_FILE_NOT_FOUND']], // distance 9: a third of 29 letters
    ['ABCDEFGHI', 5, []],
  ])('closestNames(%j, %d) is %j', (text, count, expected) => {
    expect(closestNames(text, count)).toEqual(expected);
  });

  test('closestNames gives five at most unless told', () => {
    expect(closestNames('ERROR_FILE_NOT_FOUNDXXX')).toEqual(['ERROR_FILE_NOT_FOUND', 'ERROR_LINE_NOT_FOUND', 'ERROR_DLL_NOT_FOUND', 'ERROR_PROFILE_NOT_FOUND', 'ERROR_BUNDLE_NOT_FOUND']);
  });

  test.each([
    ['WIN3', 'hresult', 3, ['WIN32', 'WIA', 'WINML']],
    ['WIN3', 'hresult', 1, ['WIN32']],
    ['facility_dxgi', 'hresult', 3, ['DXGI']],
    ['  nullx ', 'hresult', 3, ['NULL']],
    ['ITFX', 'hresult', 3, ['ITF']],
    ['WINDOWSUPDATEXXXX', 'hresult', 3, ['WINDOWSUPDATE']],
    ['WIN33', 'ntstatus', 3, []],
  ] as const)('closestFacilities(%j, %s, %d) is %j', (text, space, count, expected) => {
    expect(closestFacilities(text, space, count)).toEqual(expected);
  });

  test('closestFacilities gives three at most unless told', () => {
    expect(closestFacilities('WIN3', 'hresult')).toEqual(['WIN32', 'WIA', 'WINML']);
  });
});

describe('searchWords', () => {
  test.each([
    ['another migration', 1, ['E_BUSY']],
    ['  ACCESS \t denied ', 68, ['E_ACCESSDENIED', 'ERROR_ACCESS_DENIED', 'ERROR_NETWORK_ACCESS_DENIED', 'ERROR_VHD_PARENT_VHD_ACCESS_DENIED', 'HCS_E_ACCESS_DENIED', 'RPC_E_ACCESS_DENIED']],
    ['completed successfully', 2, ['ERROR_FSFILTER_OP_COMPLETED_SUCCESSFULLY', 'STATUS_FSFILTER_OP_COMPLETED_SUCCESSFULLY']],
    ['migration', 25, ['E_BUSY', 'ERROR_NO_SYSTEM_RESOURCES', 'ERROR_VOLMGR_INCOMPLETE_DISK_MIGRATION', 'MF_E_DRM_MIGRATION_NOT_SUPPORTED', 'NS_DRM_E_MIGRATION_IMAGE_ALREADY_EXISTS', 'NS_DRM_E_MIGRATION_SOURCE_MACHINE_IN_USE']],
    ['busy', 74, ['CO_E_APPSINGLEUSE', 'E_BUSY', 'ERROR_BUSY', 'ERROR_CLUSTER_GROUP_BUSY', 'ERROR_CLUSTER_RESOURCE_TYPE_BUSY', 'ERROR_GROUP_NOT_AVAILABLE']],
    ['e_busy', 23, ['E_BUSY', 'ERROR_CLUSTER_RESOURCE_TYPE_BUSY', 'ERROR_PIPE_BUSY', 'STATUS_DEVICE_BUSY', 'BG_E_BUSYCACHERECORD', 'ERROR_CTX_MODEM_RESPONSE_BUSY']],
  ])('%j finds %d codes, first %j', (text, count, first) => {
    const found = searchWords(text);
    expect([found.length, names(found).slice(0, first.length)]).toEqual([count, first]);
  });

  test('the seed\'s migration text is searched only for the seed\'s codes', () => {
    expect(names(searchWords('migration completed successfully'))).toEqual([]);
    expect(() => searchWords('\t \n')).toThrow(new NotFoundError('no words to search for'));
  });
});

describe('listCodes, listCodeBatches and listCodeRanges', () => {
  test('everything: the seed\'s E_BUSY, then HRESULTs, Win32 errors and NTSTATUS values in table order', () => {
    const all = listCodes();
    expect([all.length, names(all.slice(0, 3)), all[all.length - 1]?.name]).toEqual([17778, ['E_BUSY', 'SEC_E_OK', 'DS_S_SUCCESS'], 'EXCEPTION_MSVC']);
    expect(listCodeRanges({})).toEqual({ seeds: [expect.objectContaining({ name: 'E_BUSY' })], ranges: [['hresult', 0, 10773], ['win32', 10773, 14761], ['ntstatus', 14761, 17777]] });
  });

  test.each([
    [{ kind: 'win32' }, 3988, ['ERROR_SUCCESS', 'NO_ERROR', 'DNS_ERROR_RCODE_NO_ERROR'], 'ERROR_NOT_INSTALLED', [], [['win32', 10773, 14761]]],
    [{ kind: 'ntstatus' }, 3016, ['STATUS_SUCCESS', 'STATUS_WAIT_0', 'STATUS_WAIT_1'], 'EXCEPTION_MSVC', [], [['ntstatus', 14761, 17777]]],
    [{ kind: 'hresult', facility: 'WIN32' }, 157, ['E_BUSY', 'DIERR_NOTFOUND', 'DIERR_OBJECTNOTFOUND'], 'WININET_E_DECODING_FAILED', ['E_BUSY'], [['hresult', 1964, 2120]]],
    [{ kind: 'win32', facility: 'WIN32' }, 3988, ['ERROR_SUCCESS', 'NO_ERROR', 'DNS_ERROR_RCODE_NO_ERROR'], 'ERROR_NOT_INSTALLED', [], [['win32', 10773, 14761]]],
    [{ facility: 'NULL' }, 148, ['SEC_E_OK', 'DS_S_SUCCESS', 'NOERROR'], 'E_UNEXPECTED', [], [['hresult', 0, 37], ['hresult', 496, 607]]],
    [{ facility: '0' }, 148, ['SEC_E_OK', 'DS_S_SUCCESS', 'NOERROR'], 'E_UNEXPECTED', [], [['hresult', 0, 37], ['hresult', 496, 607]]],
    [{ kind: 'win32', facility: 'DXGI' }, 0, [], undefined, [], []],
    [{ kind: 'ntstatus', facility: 'NTWIN32' }, 0, [], undefined, [], []],
  ] as const)('%j: %d codes, from %j to %s', (filter, count, first, last, seeds, ranges) => {
    const list = listCodes(filter);
    expect([list.length, names(list.slice(0, 3)), list[list.length - 1]?.name]).toEqual([count, first, last]);
    const r = listCodeRanges(filter);
    expect([names(r.seeds), r.ranges]).toEqual([seeds, ranges]);
  });

  test('a facility with no kind lists its HRESULTs, and for WIN32 every Win32 error too', () => {
    const win32 = listCodes({ facility: 'WIN32' });
    expect(win32.length).toBe(157 + 3988);
    expect(names(win32.slice(0, 2))).toEqual(['E_BUSY', 'DIERR_NOTFOUND']);
    expect(listCodeRanges({ facility: 'WIN32' }).ranges).toEqual([['hresult', 1964, 2120], ['win32', 10773, 14761]]);
  });

  test('an NTSTATUS facility lists the NTSTATUS values of that facility, whatever their severity', () => {
    expect(listCodes({ kind: 'ntstatus', facility: 'DEBUGGER' }).map((c) => [c.name, c.value])).toEqual([
      ['DBG_EXCEPTION_HANDLED', 0x00010001],
      ['DBG_CONTINUE', 0x00010002],
      ['DBG_REPLY_LATER', 0x40010001],
      ['DBG_UNABLE_TO_PROVIDE_HANDLE', 0x40010002],
      ['DBG_TERMINATE_THREAD', 0x40010003],
      ['DBG_TERMINATE_PROCESS', 0x40010004],
      ['DBG_CONTROL_C', 0x40010005],
      ['DBG_PRINTEXCEPTION_C', 0x40010006],
      ['DBG_RIPEXCEPTION', 0x40010007],
      ['DBG_CONTROL_BREAK', 0x40010008],
      ['DBG_COMMAND_EXCEPTION', 0x40010009],
      ['DBG_PRINTEXCEPTION_WIDE_C', 0x4001000a],
      ['DBG_EXCEPTION_NOT_HANDLED', 0x80010001],
      ['DBG_NO_STATE_CHANGE', 0xc0010001],
      ['DBG_APP_NOT_IDLE', 0xc0010002],
    ]);
    expect(listCodeRanges({ kind: 'ntstatus', facility: 'DEBUGGER' }).ranges).toEqual([['ntstatus', 14825, 14827], ['ntstatus', 14900, 14910], ['ntstatus', 15002, 15003], ['ntstatus', 16221, 16223]]);
  });

  test('batches of a given size, the seed\'s codes in the first; the last one may be short', () => {
    const batches = [...listCodeBatches({ kind: 'hresult', facility: 'WIN32' }, 2)];
    expect(batches.slice(0, 3).map(names)).toEqual([['E_BUSY', 'DIERR_NOTFOUND'], ['DIERR_OBJECTNOTFOUND', 'COR_E_FILENOTFOUND'], ['STIERR_OBJECTNOTFOUND', 'COR_E_DIRECTORYNOTFOUND']]);
    expect(batches.map((b) => b.length)).toEqual([...Array(78).fill(2), 1]);
    expect(batches.flat()).toEqual(listCodes({ kind: 'hresult', facility: 'WIN32' }));
    const ones = [...listCodeBatches({ facility: 'NULL' }, 100)];
    expect(ones.map((b) => b.length)).toEqual([100, 48]);
    expect([...listCodeBatches({ kind: 'win32', facility: 'DXGI' }, 10)]).toEqual([]);
    expect([...listCodeBatches({ kind: 'hresult', facility: 'WIN32' }, 1000)].map((b) => b.length)).toEqual([157]);
  });

  test('an unknown facility is refused before the first batch, naming the closest in the space asked', () => {
    expect(() => listCodeBatches({ facility: 'WIN3' }, 10)).toThrow(new NotFoundError('no HRESULT facility is named "WIN3"', ['WIN32', 'WIA', 'WINML']));
    expect(() => listCodeRanges({ kind: 'win32', facility: 'DXGII' })).toThrow('no HRESULT facility is named "DXGII"; did you mean DXGI?');
    expect(() => listCodes({ kind: 'ntstatus', facility: 'WIN33' })).toThrow(new NotFoundError('no NTSTATUS facility is named "WIN33"'));
  });
});
