import { z } from 'zod';
import { Email, Id } from './common';

export const CcOptions = z.object({
  /** R-CC-6: customers may add CCs from the help center. */
  customersMayAddCc: z.boolean(),
  /** R-CC-6: To/CC recipients of an incoming e-mail become CCs automatically. */
  autoAddRecipients: z.boolean(),
});
export type CcOptions = z.infer<typeof CcOptions>;

export const DepartmentFeatures = z.object({
  /** R-RCPT-1: off by default. */
  receipts: z.boolean(),
  /** R-CC-1: needs the help center. */
  cc: z.boolean(),
  ccOptions: CcOptions,
  /** R-BULK-4: a view nobody has used for this many days counts as archived; absent means DEFAULT_VIEW_ARCHIVE_DAYS. */
  viewArchiveDays: z.number().int().min(1).max(3650).optional(),
});
export type DepartmentFeatures = z.infer<typeof DepartmentFeatures>;

/** PATCH /departments/:id/features: only what is sent changes. */
export const DepartmentFeaturesPatch = z
  .object({
    receipts: z.boolean().optional(),
    helpCenter: z.boolean().optional(),
    cc: z.boolean().optional(),
    ccOptions: CcOptions.partial().strict().optional(),
    viewArchiveDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: 'Nothing to change: send receipts, helpCenter, cc, ccOptions or viewArchiveDays.' });
export type DepartmentFeaturesPatch = z.infer<typeof DepartmentFeaturesPatch>;

export const Department = z
  .object({
    id: Id,
    name: z.string().min(1).max(120),
    supportAddresses: z.array(Email),
    fromAddresses: z.array(Email),
    helpCenter: z.boolean(),
    features: DepartmentFeatures,
    /** R-BULK-15: the blueprint new tickets (API and incoming mail) start under; null applies none. Always sent by the API. */
    newTicketBlueprintId: Id.nullable().optional(),
  })
  .meta({ id: 'Department' });
export type Department = z.infer<typeof Department>;

export const defaultDepartmentFeatures: DepartmentFeatures = {
  receipts: false,
  cc: false,
  ccOptions: { customersMayAddCc: false, autoAddRecipients: false },
};
