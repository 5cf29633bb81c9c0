/**
 * Device credentials: a random token (256 bits) shown once at creation or rotation, stored only
 * as its SM3 hash. With that much entropy a salt or a slow hash adds nothing (as for API keys).
 * The same token is the MQTT password (user name = device id) and the HTTP `Device` credential.
 */
import { Buffer } from 'node:buffer';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sm3 } from '../../kernel/crypto';

export function newToken(): string {
  return `ydt_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return sm3(token);
}

export function tokenMatches(token: string, hash: Buffer): boolean {
  if (token.length === 0 || token.length > 200 || hash.length !== 32) return false;
  return timingSafeEqual(Buffer.from(tokenHash(token), 'hex'), hash);
}

/**
 * `Authorization: Device <deviceId>:<token>` → its parts, or null. (Device ids cannot contain a
 * colon, so the first colon separates them.)
 */
export function parseDeviceAuthorization(header: string | undefined): { deviceId: string; token: string } | null {
  if (!header) return null;
  const m = /^Device\s+([^:\s]{1,64}):(\S{1,200})$/i.exec(header.trim());
  return m ? { deviceId: m[1]!, token: m[2]! } : null;
}
