import { z } from 'zod';
import { KIND_IDS, STATUS_IDS } from './vocabulary';

/** One step of a briefing: a saved screen (view, filters, date, selection) with a title and text. */
const briefingStepSchema = z.strictObject({
  title: z.string().trim().min(1, 'a step needs a title').max(200),
  text: z.string().max(4000).default(''),
  view: z.strictObject({
    lng: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    zoom: z.number().min(0).max(22),
  }),
  filters: z
    .strictObject({
      asOf: z.iso.date().nullable().default(null),
      kinds: z.array(z.enum(KIND_IDS)).default([]),
      statuses: z.array(z.enum(STATUS_IDS)).default([]),
      agreements: z.array(z.string().min(1)).default([]),
      provinces: z.array(z.string().min(1)).default([]),
      stalled: z.boolean().default(false),
    })
    .default({ asOf: null, kinds: [], statuses: [], agreements: [], provinces: [], stalled: false }),
  feature: z.string().min(1).nullable().default(null),
});
export type BriefingStep = z.infer<typeof briefingStepSchema>;

export const briefingInputSchema = z.strictObject({
  title: z.strictObject({
    vi: z.string().trim().min(1, 'a briefing needs a Vietnamese title').max(200),
    en: z.string().max(200).optional(),
  }),
  steps: z.array(briefingStepSchema).max(100),
});
export type BriefingInput = z.infer<typeof briefingInputSchema>;

export const briefingSchema = briefingInputSchema.extend({
  id: z.string().regex(/^[a-z0-9-]+$/),
  updatedAt: z.iso.datetime(),
});
export type Briefing = z.infer<typeof briefingSchema>;
