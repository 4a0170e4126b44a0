export type ExportSize = { id: string; width: number; height: number; label: string };

/** Sizes a briefing needs: a 16:9 slide and an A4 landscape page at 200 dpi (297 × 210 mm). */
export const EXPORT_SIZES: readonly ExportSize[] = [
  { id: 'slide', width: 1920, height: 1080, label: '1920 × 1080' },
  { id: 'a4', width: 2339, height: 1654, label: 'A4 ngang / landscape, 200 dpi' },
];
