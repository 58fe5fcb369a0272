// The library API: pure functions and data, no side effects on import.
export * from './core/dword';
export * from './core/hresult';
export * from './core/ntstatus';
export * from './core/property';
export * from './core/migration';
export * from './core/decode';
export * from './core/query';
export * from './core/scan';
export * from './core/msgtable';
export { allCodes, allFacilities, codeByName, facilityNames, findFacility, namesFor } from './data/db';
export type { CodeEntry, CodeKind, FacilityEntry } from './data/db';
export { deriveDescription, describe } from './data/describe';
export type { Description, DescriptionSource } from './data/describe';
