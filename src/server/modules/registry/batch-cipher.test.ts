import { describe, expect, it } from 'vitest';
import { blindIndex, decryptField, sm4GcmEncrypt } from '../../kernel/crypto';
import { BatchBlindIndex, BatchFieldCipher } from './batch-cipher';

const key = Uint8Array.from({ length: 16 }, (_, i) => i * 7 + 1);

describe('batch field cipher', () => {
  it('gives the kernel SM4-GCM bytes for the same IV, for short, block-sized, long and Chinese values', () => {
    const values = ['', '1', '500118199003074215', '13800001234', '0123456789abcdef', '重庆市永川区中山路街道红河社区红河大道8号 — 一个较长的地址，跨越几个分组', 'x'.repeat(33)];
    const ivs = values.map((_, i) => Uint8Array.from({ length: 12 }, (_, k) => (i * 31 + k * 5) & 0xff));
    const tokens = new BatchFieldCipher(key).encryptAll(values, 'registry_person.id_number', ivs);
    values.forEach((v, i) => {
      const sealed = sm4GcmEncrypt(key, ivs[i]!, new TextEncoder().encode(v), new TextEncoder().encode('yc-field:v1:registry_person.id_number'));
      const [, iv, ct, tag] = tokens[i]!.split('.');
      expect(Buffer.from(ct!, 'base64url')).toEqual(Buffer.from(sealed.ciphertext));
      expect(Buffer.from(tag!, 'base64url')).toEqual(Buffer.from(sealed.tag));
      expect(Buffer.from(iv!, 'base64url')).toEqual(Buffer.from(ivs[i]!));
      expect(decryptField(key, tokens[i]!, 'registry_person.id_number')).toBe(v);
    });
  });

  it('uses a fresh random IV per value and binds the context', () => {
    const [a, b] = new BatchFieldCipher(key).encryptAll(['same', 'same'], 'registry_person.phone');
    expect(a).not.toBe(b);
    expect(decryptField(key, a!, 'registry_person.phone')).toBe('same');
    expect(() => decryptField(key, a!, 'registry_person.id_number')).toThrow();
  });
});

describe('batch blind index', () => {
  it('equals the kernel blind index', () => {
    const index = new BatchBlindIndex(key, 'id-number');
    for (const v of ['500118199003074215', ' 50011819900307421x ', '５００１１８']) expect(index.of(v)).toBe(blindIndex(key, v, 'id-number'));
  });
});

describe('batch UUID v7', () => {
  it('gives distinct RFC 9562 version-7 ids carrying the time', async () => {
    const { uuidV7Batch } = await import('./batch-ids');
    const ids = uuidV7Batch(1000, 0x0192_3456_789a);
    expect(new Set(ids).size).toBe(1000);
    for (const id of ids) expect(id).toMatch(/^01923456-789a-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
