import { z } from 'zod';
import { type Filters, filtersSchema, NO_FILTERS } from './filters';

/** One step of a briefing: a saved screen (view, filters, date, selection) with a title and text. */
const briefingStepSchema = z.strictObject({
  title: z.string().trim().min(1, 'a step needs a title').max(200),
  text: z.string().max(4000).default(''),
  view: z.strictObject({
    lng: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
    zoom: z.number().min(0).max(22),
  }),
  // Steps saved before December 2026 wrote `stalled: false` for "all"; the planner's screen offers only
  // "stalled only", so a step keeps true or null (all).
  filters: filtersSchema
    .transform((filters): Filters => ({ ...filters, stalled: filters.stalled === true ? true : null }))
    .default(NO_FILTERS),
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
