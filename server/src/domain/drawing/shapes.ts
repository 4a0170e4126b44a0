/**
 * Symbol shapes by level and kind, as SVG paths on a 24×24 box: drawn into map icons (canvas
 * Path2D) and into the legend (inline SVG), so both always agree.
 */
export const SHAPE_PATHS = {
  international: 'M12 1.5 L22.5 12 L12 22.5 L1.5 12 Z',
  bilateral: 'M3 12 A9 9 0 1 0 21 12 A9 9 0 1 0 3 12 Z',
  channel: 'M5 5 H19 V19 H5 Z',
  opening: 'M12 3 L21.5 20 H2.5 Z',
  market: 'M7 3.5 H17 L21.5 12 L17 20.5 H7 L2.5 12 Z',
  special_road: 'M7 7.5 H17 A4.5 4.5 0 0 1 17 16.5 H7 A4.5 4.5 0 0 1 7 7.5 Z',
  bridge: 'M2.5 8.5 H21.5 V15.5 H2.5 Z',
  crossing: 'M12 2 L14.6 9.2 L22 9.3 L16.1 13.9 L18.2 21 L12 16.8 L5.8 21 L7.9 13.9 L2 9.3 L9.4 9.2 Z',
} as const;
export type ShapeId = keyof typeof SHAPE_PATHS;

const LEVEL_SHAPES: Record<string, ShapeId> = {
  international: 'international',
  bilateral: 'bilateral',
  channel: 'channel',
  opening: 'opening',
  market: 'market',
  special_road: 'special_road',
};
const KIND_SHAPES: Record<string, ShapeId> = {
  gate_pair: 'bilateral',
  channel: 'channel',
  opening: 'opening',
  market: 'market',
  special_road: 'special_road',
  bridge: 'bridge',
  route: 'crossing',
};

/** The shape a point feature is drawn with: its level where it has one, else its kind. */
export function shapeOf(kind: string, level: string | null): ShapeId {
  if (kind === 'bridge' || kind === 'route') return KIND_SHAPES[kind];
  return (level && LEVEL_SHAPES[level]) || KIND_SHAPES[kind] || 'bilateral';
}

/** Icon name the style asks for: shape, status colour and whether the position is approximate. */
export const iconName = (shape: ShapeId, status: string, hollow: boolean) => `shape:${shape}:${status}:${hollow ? 'hollow' : 'solid'}`;

export function parseIconName(name: string): { shape: ShapeId; status: string; hollow: boolean } | null {
  const [prefix, shape, status, fill] = name.split(':');
  if (prefix !== 'shape' || !(shape in SHAPE_PATHS) || !status || !fill) return null;
  return { shape: shape as ShapeId, status, hollow: fill === 'hollow' };
}
