import helmet from 'helmet';

/**
 * Security headers on every response (helmet): a Content-Security-Policy allowing only our own
 * origin — no inline script; images and MapLibre's drawings from data: and blob: URLs; inline style
 * attributes, which React and MapLibre set on elements — no framing, no MIME sniffing. `mapOrigins`: the office tile
 * server of a configured basemap style (BORDER_ATLAS_BASEMAP_STYLE_URL), whose style, tiles, sprite and glyphs the
 * map fetches.
 */
export function securityHeaders(mapOrigins: readonly string[] = []) {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...mapOrigins],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'data:', 'blob:', ...mapOrigins],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // The app is served over plain HTTP on a local network as well: HSTS is the reverse proxy's to set.
    strictTransportSecurity: false,
  });
}
