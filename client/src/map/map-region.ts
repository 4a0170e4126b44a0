/** Vietnam's northern border region, from the Lao tripoint to the Gulf of Tonkin [west, south, east, north]. */
export const REGION_BOUNDS: [number, number, number, number] = [101.0, 20.5, 109.0, 24.0];
