/**
 * The basemap's sources, as the map and every export credit them. Its own module: the exports' buttons name it
 * without loading the map's style code with the page.
 */
export const ATTRIBUTION =
  '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> (ODbL) · Natural Earth · GeoNames (CC BY 4.0) · GSHHG · Noto (OFL)';
