import { z } from 'zod';
import { Email, Id, IsoDateTime, Line, PageQuery } from './common.js';

// The contacts directory: officials, attorneys, family, supporters, journalists, laboratories, and how
// they are linked to people and matters.

const CONTACT_KINDS = ['official', 'attorney', 'family', 'supporter', 'journalist', 'laboratory', 'other'] as const;
export const ContactKindField = z.enum(CONTACT_KINDS).describe('Kind of contact');

/** Several lines (a postal address, notes), without control characters other than line breaks and tabs. */
const Text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'Required')
    .max(max, `At most ${max} characters`)
    .refine((s) => !/[^\P{Cc}\t\n\r]/u.test(s), 'Must not contain control characters');

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().\-/x]{3,40}$/i, 'Digits, spaces and + ( ) - . / x only')
  .describe('Phone number');

export const ContactIdParam = z.strictObject({ id: Id });
export const ContactLinkParam = z.strictObject({ id: Id, linkId: Id });

const contactFields = {
  organisation: Line(200).nullable().optional(),
  title: Line(200).nullable().optional().describe('Job title or office, e.g. "Deputy District Attorney"'),
  email: Email.nullable().optional(),
  phone: Phone.nullable().optional(),
  address: Text(1000).nullable().optional(),
  notes: Text(10_000).nullable().optional(),
};

export const CreateContactInput = z.strictObject({
  kind: ContactKindField,
  name: Line(200).describe('Name of the person or body'),
  ...contactFields,
});
export type CreateContactInput = z.infer<typeof CreateContactInput>;

export const UpdateContactInput = z
  .strictObject({ kind: ContactKindField.optional(), name: Line(200).optional(), ...contactFields })
  .refine((v) => Object.keys(v).length > 0, { message: 'Change at least one field' });
export type UpdateContactInput = z.infer<typeof UpdateContactInput>;

export const ContactListQuery = PageQuery.extend({
  kind: ContactKindField.optional(),
  name: Line(200).optional().describe('Part of the name, or a close spelling'),
}).strict();
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const ContactView = z
  .object({
    id: Id,
    kind: ContactKindField,
    name: z.string(),
    organisation: z.string().nullable(),
    title: z.string().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    notes: z.string().nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .describe('Contact');
export type ContactView = z.infer<typeof ContactView>;
export const ContactPage = z.object({ items: z.array(ContactView), nextCursor: z.string().nullable() });

export const CreateContactLinkInput = z
  .strictObject({
    personId: Id.optional(),
    matterId: Id.optional(),
    relationship: Line(100).describe('e.g. "mother", "trial prosecutor", "testing laboratory"'),
  })
  .refine((v) => (v.personId === undefined) !== (v.matterId === undefined), {
    message: 'Link to either a person or a matter',
    path: ['personId'],
  });
export type CreateContactLinkInput = z.infer<typeof CreateContactLinkInput>;

export const ContactLinkView = z.object({
  id: Id,
  contactId: Id,
  relationship: z.string(),
  person: z.object({ id: Id, name: z.string() }).nullable(),
  matter: z.object({ id: Id, title: z.string() }).nullable(),
});
export type ContactLinkView = z.infer<typeof ContactLinkView>;

export const ContactDetail = ContactView.extend({
  links: z.array(ContactLinkView).describe('Only links to people and matters you can see'),
});
export type ContactDetail = z.infer<typeof ContactDetail>;

export const MatterContactView = z.object({
  linkId: Id,
  relationship: z.string(),
  contact: ContactView,
});
export const MatterContactList = z.object({ items: z.array(MatterContactView) });

export const PersonContactView = z.object({
  linkId: Id.describe('The link between the contact and the person'),
  relationship: z.string().describe('e.g. "mother", "trial attorney"'),
  contact: ContactView,
});
export type PersonContactView = z.infer<typeof PersonContactView>;
export const PersonContactList = z
  .object({ items: z.array(PersonContactView) })
  .describe("The contacts linked to a person, by the contact's name");
export type PersonContactList = z.infer<typeof PersonContactList>;
