export { sm3, hmacSm3, hmacSm3Bytes, sm3Backend, type Sm3Backend } from './sm3';
export {
  SM4_KEY_BYTES,
  sm4EncryptBlock,
  sm4DecryptBlock,
  sm4GcmEncrypt,
  sm4GcmDecrypt,
  encryptField,
  decryptField,
  FieldDecryptionError,
  type FieldDecryptionFailure,
  type GcmSealed,
} from './sm4';
export { blindIndex, normalizeForIndex, type BlindIndexKind } from './blind-index';
export {
  SM2_DEFAULT_USER_ID,
  generateSm2KeyPair,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2Verify,
  type Sm2KeyPair,
  type Sm2Options,
  type Sm2SignOptions,
} from './sm2';
export {
  FIELD_KEY_VARIABLE,
  FIELD_KEY_FILE,
  deriveFieldKeys,
  loadFieldKeys,
  type FieldKeys,
  type LoadFieldKeysOptions,
} from './keys';
