import { sm3 } from '../../../kernel/crypto';
import { concatBytes, fromHex, utf8 } from '../../../kernel/crypto/bytes';

/**
 * A Merkle tree over SM3 in the shape of RFC 6962 (Certificate Transparency): leaves and nodes are
 * hashed with different prefixes (0x00, 0x01) so a node can never pass for a leaf, and a tree of n
 * leaves splits at the largest power of two below n. One SM2 signature over the root then covers a
 * whole batch of exchanges, and one exchange is proved by its path of log2(n) sibling hashes.
 */
export const leafHash = (canonical: string): string => sm3(concatBytes(Uint8Array.of(0), utf8(canonical)));
const nodeHash = (left: string, right: string): string => sm3(concatBytes(Uint8Array.of(1), fromHex(left), fromHex(right)));

const split = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

export function merkleRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) throw new Error('an empty batch has no root');
  if (leaves.length === 1) return leaves[0]!;
  const k = split(leaves.length);
  return nodeHash(merkleRoot(leaves.slice(0, k)), merkleRoot(leaves.slice(k)));
}

/** The sibling hashes from leaf `index` up to the root (RFC 6962 audit path). */
export function merklePath(leaves: readonly string[], index: number): string[] {
  if (leaves.length <= 1) return [];
  const k = split(leaves.length);
  return index < k ? [...merklePath(leaves.slice(0, k), index), merkleRoot(leaves.slice(k))] : [...merklePath(leaves.slice(k), index - k), merkleRoot(leaves.slice(0, k))];
}

/** Recomputes the root from one leaf and its path (RFC 9162 §2.1.3.2). */
export function rootFromPath(leaf: string, index: number, size: number, path: readonly string[]): string | null {
  if (index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn >>= 1;
          sn >>= 1;
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 ? r : null;
}
