import { isIP } from 'node:net';
import { z } from 'zod';

/** proxy-addr's names for address ranges (loopback, link-local, private networks). */
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry)) return true;
  const [address, bits, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (!family || rest.length > 0) return false;
  return bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128));
}

/**
 * TRUST_PROXY: the peers that may tell the client's address in X-Forwarded-For, as addresses and
 * CIDR ranges of the proxies in front (unset: none; the peer is the client). No hop count: it
 * cannot check who the peer is, so a client reaching the API directly could choose its own
 * address (Fastify 5.12 refuses hop counts for that reason).
 */
export const TrustProxySchema = z.string().transform((v, ctx): string[] => {
  const list = v
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  const bad = list.filter((e) => !isAddressOrRange(e));
  if (list.length > 0 && bad.length === 0) return list;
  const hint = bad.some((b) => /^\d+$/.test(b)) ? ' (a hop count cannot check who the proxy is)' : '';
  ctx.addIssue({
    code: 'custom',
    message: `must be proxy addresses or CIDR ranges, comma-separated (or loopback, linklocal, uniquelocal), not "${v}"${hint}`,
  });
  return z.NEVER;
});
