import { createExpression } from '@maplibre/maplibre-gl-style-spec';

/**
 * Evaluates a style expression on one feature's properties as MapLibre would, with the style's global
 * state and the feature's feature state (for tests of layer filters and data-driven values: no browser needed).
 */
export function evaluate(
  expression: unknown,
  properties: Record<string, unknown>,
  globalState: Record<string, unknown>,
  zoom = 8,
  featureState: Record<string, unknown> = {},
): unknown {
  const parsed = createExpression(expression, 'filter', null, globalState);
  if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
  return parsed.value.evaluate({ zoom }, { type: 'Point', properties } as never, featureState as never);
}
