import { isIP } from 'node:net';
import type { Express, Request } from 'express';

/**
 * How the app is reached (server/src/config.ts reads it from the environment; README "Deployments"):
 * the address people use, the reverse proxies in front of it, and whether it is served over plain HTTP.
 */
export type Deployment = {
  /**
   * `scheme://host[:port]` people open (BORDER_ATLAS_PUBLIC_ORIGIN): absolute URLs are built from it and a
   * change's `Origin` must be it. Unset → both from the request (its protocol and host, forwarded ones
   * only from a trusted proxy).
   */
  publicOrigin?: string;
  /**
   * Express's `trust proxy`, an explicit list (BORDER_ATLAS_TRUST_PROXY: IPs, CIDRs, `loopback`…): only
   * from those peers are X-Forwarded-Proto/Host/For believed. Unset → no proxy is trusted.
   */
  trustProxy?: string;
  /**
   * BORDER_ATLAS_PLAIN_HTTP: served over plain HTTP on an intranet — the session cookie is sent without
   * `Secure` (and so without the `__Host-` prefix). Off → a Secure `__Host-` cookie.
   */
  plainHttp?: boolean;
};

/** What the app ran as before these settings existed: no public origin, no trusted proxy, HTTPS cookies. */
const DEFAULT_DEPLOYMENT: Deployment = { plainHttp: false };

/** The names Express (proxy-addr) gives to address ranges. */
const TRUST_PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal'] as const;

/**
 * Why a BORDER_ATLAS_TRUST_PROXY value is refused, or null when it is an explicit list of addresses,
 * CIDRs and names. Never "trust everyone": no `true`, hop counts or /0.
 */
export function trustProxyProblem(value: string): string | null {
  if (/^(true|false|\d+)$/i.test(value.trim())) {
    return 'must be an explicit comma-separated list of proxy addresses or CIDRs (or loopback, linklocal, uniquelocal), not true, false or a hop count';
  }
  for (const entry of value.split(',').map((part) => part.trim())) {
    if (entry === '') return 'has an empty entry (a stray comma)';
    if ((TRUST_PROXY_NAMES as readonly string[]).includes(entry)) continue;
    const [address, prefix, ...rest] = entry.split('/');
    const version = isIP(address);
    if (version === 0 || rest.length > 0) return `"${entry}" is not an IP address, a CIDR or one of ${TRUST_PROXY_NAMES.join(', ')}`;
    if (prefix === undefined) continue;
    const bits = /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
    const max = version === 4 ? 32 : 128;
    if (!(bits >= 1 && bits <= max)) return `"${entry}": the prefix length must be a whole number from 1 to ${max}`;
  }
  return null;
}

/**
 * `scheme://host[:port]` normalised as browsers send it in `Origin`, or why a BORDER_ATLAS_PUBLIC_ORIGIN
 * value is refused.
 */
export function parsePublicOrigin(value: string): { origin: string } | { problem: string } {
  const problem = { problem: 'must be http:// or https:// and a host, with an optional port and no path (https://atlas.example.gov.vn)' };
  if (!/^https?:\/\/[^/?#\s]+\/?$/i.test(value)) return problem;
  try {
    const url = new URL(value);
    if (url.username || url.password) return { problem: 'must not carry a user name or password' };
    return { origin: url.origin };
  } catch {
    return problem;
  }
}

/** Logged at start-up when the session cookie is sent without Secure. */
export const PLAIN_HTTP_WARNING =
  'Warning: BORDER_ATLAS_PLAIN_HTTP=true: the session cookie (ba-sid) is sent without Secure over plain HTTP. It travels unencrypted on the network: anyone who can see that traffic can copy it and act as the signed-in editor until the session ends. Use it only on a trusted intranet; prefer HTTPS (README "Deployments").';

/**
 * Installs the deployment on the app: Express's `trust proxy` and what the routers read with `deploymentOf`;
 * with plain HTTP, warns in the log (at start-up) what that exposes.
 */
export function applyDeployment(app: Express, deployment: Deployment, warn: (message: string) => void = console.warn) {
  // Express's default (false) is "trust no proxy"; a list is compiled by proxy-addr.
  app.set('trust proxy', deployment.trustProxy ?? false);
  app.locals.deployment = { ...DEFAULT_DEPLOYMENT, ...deployment } satisfies Deployment;
  if (deployment.plainHttp) warn(PLAIN_HTTP_WARNING);
}

export const deploymentOf = (request: Request): Deployment =>
  (request.app.locals.deployment as Deployment | undefined) ?? DEFAULT_DEPLOYMENT;

/** The request's scheme: the connection's, or X-Forwarded-Proto from a trusted proxy (anything else than https is http). */
export const protocolOf = (request: Request): 'http' | 'https' => (request.protocol === 'https' ? 'https' : 'http');

/**
 * The site's origin for absolute URLs and the origin check: the configured public origin, else the request's
 * own (its scheme and Host, or X-Forwarded-Proto/Host from a trusted proxy).
 */
export function requestOrigin(request: Request): string {
  return deploymentOf(request).publicOrigin ?? `${protocolOf(request)}://${request.host}`;
}

/** Hosts a browser treats as secure even over plain HTTP (localhost, *.localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHost(hostname: string | undefined): boolean {
  if (!hostname) return false;
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(name) || name === '[::1]' || name === '::1';
}
