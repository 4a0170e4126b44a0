import { namedFlavor, layers as protomapsLayers } from '@protomaps/basemaps';
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import type { Language } from '../../i18n/language';
import type { OwnBasemap } from '../basemap-data';
import { LABEL_FONT, scaledLabel } from '../fonts';

/** Every source and layer of the deployment's own basemap is named with this prefix (none of ours is). */
const OWN_PREFIX = 'own-';
/** The PMTiles archive's source. */
export const OWN_ARCHIVE_SOURCE = `${OWN_PREFIX}archive`;

export const isOwnBasemapId = (id: string) => id.startsWith(OWN_PREFIX);

/** The Protomaps style's language names: its Chinese is simplified Chinese, as ours. */
const PROTOMAPS_LANGUAGE: Record<Language, string> = { vi: 'vi', en: 'en', zh: 'zh-Hans' };

/**
 * Every font a layer names becomes our bundled Noto Sans (the map has no glyph server): the layout's `text-font`
 * and the `text-font` of a formatted label's sections alike.
 */
function withBundledFont(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withBundledFont);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, key === 'text-font' ? ['literal', [LABEL_FONT]] : withBundledFont(inner)]),
    );
  }
  return value;
}

/**
 * A layer drawn without a sprite sheet (the map loads none; offline by default): icon-only layers (one-way arrows,
 * points of interest) are left out, labels that also have an icon (towns' dots, road shields) keep their text.
 */
function withoutIcons(layer: LayerSpecification): LayerSpecification | null {
  if (layer.type !== 'symbol' || !layer.layout?.['icon-image']) return layer;
  if (!layer.layout['text-field']) return null;
  const keepText = <T extends object | undefined>(properties: T) =>
    properties && (Object.fromEntries(Object.entries(properties).filter(([key]) => !key.startsWith('icon-'))) as T);
  return { ...layer, layout: keepText(layer.layout), paint: keepText(layer.paint) };
}

/**
 * A label size times the label scale (larger in presentation mode, as ours): a number, or each output of a zoom
 * curve (a zoom expression must stay the outermost one).
 */
function scaledSize(size: unknown): unknown {
  if (typeof size === 'number') return scaledLabel(size);
  if (Array.isArray(size) && size[0] === 'interpolate') {
    return size.map((part, index) => (index >= 4 && index % 2 === 0 ? scaledLabel(part) : part));
  }
  return size;
}

/** The Protomaps style's layers for an archive of its schema (Protomaps, planetiler), labels in `language`. */
function archiveLayers(language: Language): LayerSpecification[] {
  return protomapsLayers(OWN_ARCHIVE_SOURCE, namedFlavor('light'), { lang: PROTOMAPS_LANGUAGE[language] })
    .filter((layer) => layer.type !== 'background') // outside the archive's area the embedded basemap shows
    .map(withoutIcons)
    .filter((layer): layer is LayerSpecification => layer !== null)
    .map((layer) => {
      const { layout } = layer as { layout?: Record<string, unknown> };
      const fonted = layout?.['text-font']
        ? {
            ...layer,
            layout: {
              ...(withBundledFont(layout) as Record<string, unknown>),
              'text-font': [LABEL_FONT],
              ...(layout['text-size'] !== undefined ? { 'text-size': scaledSize(layout['text-size']) } : {}),
            },
          }
        : layer;
      return { ...fonted, id: `${OWN_PREFIX}${layer.id}` } as LayerSpecification;
    });
}

/** An office server's style, its ids prefixed so they never meet ours. */
function styleLayers(style: Extract<OwnBasemap, { kind: 'style' }>['style']): LayerSpecification[] {
  return (style.layers as LayerSpecification[])
    .filter((layer) => layer.type !== 'background')
    .map((layer) =>
      'source' in layer && typeof layer.source === 'string'
        ? ({ ...layer, id: `${OWN_PREFIX}${layer.id}`, source: `${OWN_PREFIX}${layer.source}` } as LayerSpecification)
        : ({ ...layer, id: `${OWN_PREFIX}${layer.id}` } as LayerSpecification),
    );
}

/** The own basemap's sources: the archive read through the pmtiles protocol (own-archive-protocol.ts), or the style's. */
export function ownBasemapSources(own: OwnBasemap, baseUrl: string): Record<string, SourceSpecification> {
  if (own.kind === 'pmtiles') {
    const archive = new URL(own.url, baseUrl);
    return {
      [OWN_ARCHIVE_SOURCE]: {
        type: 'vector',
        tiles: [`pmtiles://${archive.origin}${archive.pathname}${archive.search}/{z}/{x}/{y}`],
        minzoom: own.minzoom,
        maxzoom: own.maxzoom,
        bounds: own.bounds,
        ...(own.attribution ? { attribution: own.attribution } : {}),
      },
    };
  }
  return Object.fromEntries(Object.entries(own.style.sources).map(([id, source]) => [`${OWN_PREFIX}${id}`, source as SourceSpecification]));
}

/** Its layers, from the bottom up, between the embedded land and water and the embedded borders. */
export function ownBasemapLayers(own: OwnBasemap, language: Language): LayerSpecification[] {
  return own.kind === 'pmtiles' ? archiveLayers(language) : styleLayers(own.style);
}

/** What a style of an office server adds at the top level: its icons and, for its own fonts, its glyphs. */
export function ownBasemapStyleExtras(own: OwnBasemap | null): Pick<StyleSpecification, 'sprite' | 'glyphs'> {
  if (own?.kind !== 'style') return {};
  return {
    ...(own.style.sprite ? { sprite: own.style.sprite as StyleSpecification['sprite'] } : {}),
    ...(own.style.glyphs ? { glyphs: own.style.glyphs } : {}),
  };
}

/** The own basemap's credit as plain text: the archive's metadata, or the attribution of the style's sources. */
export function ownBasemapAttribution(own: OwnBasemap): string {
  if (own.kind === 'pmtiles') return own.attribution;
  const credits = Object.values(own.style.sources).map((source) => (source as { attribution?: unknown }).attribution);
  return [...new Set(credits.filter((credit): credit is string => typeof credit === 'string'))]
    .map((credit) => credit.replace(/<[^>]+>/g, '').trim())
    .filter(Boolean)
    .join(' · ');
}
