import { describe, expect, it } from 'vitest';
import { leafHash, merklePath, merkleRoot, rootFromPath } from './merkle';

describe('the SM3 Merkle tree of signed exchange batches', () => {
  it('proves every leaf of trees of 1 to 33 leaves, and nothing else', () => {
    for (let n = 1; n <= 33; n += 1) {
      const leaves = Array.from({ length: n }, (_, i) => leafHash(`entry ${i}`));
      const root = merkleRoot(leaves);
      for (let i = 0; i < n; i += 1) {
        const path = merklePath(leaves, i);
        expect(path.length).toBeLessThanOrEqual(Math.ceil(Math.log2(n)));
        expect(rootFromPath(leaves[i]!, i, n, path)).toBe(root);
        expect(rootFromPath(leafHash('forged'), i, n, path)).not.toBe(root);
        if (n > 1) expect(rootFromPath(leaves[i]!, (i + 1) % n, n, path)).not.toBe(root);
      }
      expect(rootFromPath(leaves[0]!, n, n, [])).toBeNull();
    }
  });

  it('keeps a leaf from passing for a node (distinct prefixes)', () => {
    const a = leafHash('a');
    const b = leafHash('b');
    expect(merkleRoot([a, b])).not.toBe(leafHash(a + b));
    expect(merkleRoot([a])).toBe(a);
  });
});
