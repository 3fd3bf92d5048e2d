import type { FacilityView, UpdateFacilityInput } from '@redress/core';
import type { FacilityRow } from '@redress/db';

export const presentFacility = (f: FacilityRow): FacilityView => ({
  id: f.id,
  code: f.code,
  name: f.name,
  jurisdiction: f.jurisdiction,
  kind: f.kind,
  securityLevel: f.security_level,
  streetAddress: f.street_address,
  city: f.city,
  state: f.state,
  zip: f.zip,
  mailLine1: f.mail_line1,
  mailCity: f.mail_city,
  mailState: f.mail_state,
  mailZip: f.mail_zip,
  mailNote: f.mail_note,
  phone: f.phone,
  visitingInfo: f.visiting_info,
  source: f.source,
  isActive: f.is_active,
  isVerified: f.verified,
  isEdited: f.is_edited,
  updatedBy: f.updated_by,
  createdAt: f.created_at.toISOString(),
  updatedAt: f.updated_at.toISOString(),
});

/** The API's field names and the columns they are stored in. */
export const FACILITY_COLUMNS = {
  name: 'name',
  jurisdiction: 'jurisdiction',
  kind: 'kind',
  securityLevel: 'security_level',
  streetAddress: 'street_address',
  city: 'city',
  state: 'state',
  zip: 'zip',
  mailLine1: 'mail_line1',
  mailCity: 'mail_city',
  mailState: 'mail_state',
  mailZip: 'mail_zip',
  mailNote: 'mail_note',
  phone: 'phone',
  visitingInfo: 'visiting_info',
  source: 'source',
  isActive: 'is_active',
  isVerified: 'verified',
} as const satisfies Record<keyof UpdateFacilityInput, keyof FacilityRow>;

/** The one-line mailing address kept in `mailing_address` for readers of the older column. */
export const mailingAddressLine = (f: Pick<FacilityRow, 'mail_line1' | 'mail_city' | 'mail_state' | 'mail_zip'>) =>
  f.mail_city && f.mail_state && f.mail_zip
    ? [f.mail_line1, `${f.mail_city}, ${f.mail_state} ${f.mail_zip}`].filter(Boolean).join(', ')
    : null;
