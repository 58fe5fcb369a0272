// MigrationFailureReason, a Failover Cluster private property of virtual machines: the HRESULT
// that says why a live migration failed. Attributes and value table from its reference page;
// the three descriptions are that page's, used as written.
import { defineProperty, PropertyValue } from './property';

export const MIGRATION_FAILURE_REASON = defineProperty({
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
    { name: 'S_OK', value: 0x00000000, description: 'The migration completed successfully.' },
    { name: 'E_BUSY', value: 0x800700aa, description: 'The migration failed because another migration was in progress.' },
    { name: 'E_FAIL', value: 0x80004005, description: 'The migration failed for some other reason.' },
  ],
});

export function migrationFailureReason(value?: number): PropertyValue {
  return new PropertyValue(MIGRATION_FAILURE_REASON, value);
}
