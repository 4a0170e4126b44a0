import * as maplibregl from 'maplibre-gl';
import type { Filters } from '../filters/filters';
import { noteTileRequest } from '../offline/tile-requests';
import { applyRecordViews } from './apply-record-view';
import { ICON_PIXEL_RATIO, mapIcon } from './icons';
import { recordFeature } from './layers/record-features';
import type { RecordStates } from './record-states';
import { withSymbols } from './style';

/** A map to draw off screen: a style (with its data), where to look, the size in device pixels. */
export type MapShot = {
  style: maplibregl.StyleSpecification;
  view: { bounds: maplibregl.LngLatBoundsLike } | { center: [number, number]; zoom: number };
  width: number;
  height: number;
  /** Device pixels per CSS pixel: 2 draws the same area as the screen at twice the sharpness. */
  pixelRatio?: number;
  /** Drawn as selected, as on screen. */
  selectedId?: string | null;
  /** The record on this date with these filters (the live map's feature states are not the style's). */
  record: Filters;
};

export type RenderedMap = { canvas: HTMLCanvasElement; lat: number; zoom: number; bounds: [number, number, number, number] };

/**
 * Draws a map in a hidden container and copies its pixels once everything has loaded; the record's features as
 * `states` say on the shot's date and filters (no states: the live map has not had them yet, no record drawn).
 */
export async function renderMap(shot: MapShot, states: RecordStates | null): Promise<RenderedMap> {
  const pixelRatio = shot.pixelRatio ?? 1;
  const record = states?.snapshot(shot.record.asOf, shot.record);
  const container = document.createElement('div');
  container.style.cssText = `position:fixed;left:-100000px;top:0;width:${shot.width / pixelRatio}px;height:${shot.height / pixelRatio}px;`;
  document.body.append(container);
  const map = new maplibregl.Map({
    container,
    style: record ? withSymbols(shot.style, record.symbols) : shot.style,
    ...('bounds' in shot.view ? { bounds: shot.view.bounds } : { center: shot.view.center, zoom: shot.view.zoom }),
    pixelRatio,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    transformRequest: noteTileRequest,
  });
  map.setMissingStyleImageResolver((name) => {
    const icon = mapIcon(name);
    if (icon && !map.hasImage(name)) map.addImage(name, icon.image, { pixelRatio: ICON_PIXEL_RATIO, sdf: icon.sdf });
  });
  try {
    await new Promise<void>((resolve) =>
      map.once('load', () => {
        if (states && record) applyRecordViews(map, states, record);
        const selected = shot.selectedId ? states?.numberOf(shot.selectedId) : undefined;
        if (selected !== undefined) map.setFeatureState(recordFeature(selected), { selected: true });
        resolve();
      }),
    );
    await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    const canvas = document.createElement('canvas');
    canvas.width = shot.width;
    canvas.height = shot.height;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(map.getCanvas(), 0, 0, shot.width, shot.height);
    const bounds = map.getBounds();
    return {
      canvas,
      lat: map.getCenter().lat,
      zoom: map.getZoom(),
      bounds: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
    };
  } finally {
    map.remove();
    container.remove();
  }
}
