import crypto from 'node:crypto';
import { AppError } from '../core/errors';

/**
 * The encrypted backup package (.dgwbak) that carries the data between PCs:
 *
 *   offset  size  field
 *        0     8  magic "DGWBAK\r\n" (the CR LF catches a text-mode transfer that rewrote line ends)
 *        8     1  format version (1)
 *        9     3  scrypt log2(N), r, p
 *       12    16  salt (random per package)
 *       28    12  AES-GCM iv (random per package)
 *       40    16  AES-GCM auth tag
 *       56     …  ciphertext
 *
 * key = scrypt(password NFC, salt, N=2^16, r=8, p=1) → AES-256-GCM. Bytes 0–39 are authenticated as
 * additional data, so a changed header fails like a changed body. The plaintext is
 *   uint32 BE length of a JSON header | the JSON (time, version, counts) | the verified SQLite backup copy.
 * Nothing decrypted is used before GCM has checked the tag over the whole file.
 */

export const PACKAGE_EXTENSION = 'dgwbak';
const MAGIC = Buffer.from('DGWBAK\r\n', 'latin1');
const FORMAT_VERSION = 1;
const HEADER_LEN = 40;
const TAG_LEN = 16;
const DATA_OFFSET = HEADER_LEN + TAG_LEN;
const DEFAULT_KDF = { log2N: 16, r: 8, p: 1 };
const MAX_SCRYPT_MEMORY = 256 * 1024 * 1024;

export const BAD_PACKAGE = '密码不正确或文件已损坏，备份包没有导入，现有数据未被改动。';

export interface PackageMeta {
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  counts: Record<string, number>;
}

interface KdfParams {
  log2N: number;
  r: number;
  p: number;
}

function deriveKey(password: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> {
  const N = 2 ** kdf.log2N;
  return new Promise((resolve, reject) =>
    crypto.scrypt(
      password.normalize('NFC'),
      salt,
      32,
      { N, r: kdf.r, p: kdf.p, maxmem: MAX_SCRYPT_MEMORY + 1024 * 1024 },
      (e, key) => (e ? reject(e) : resolve(key)),
    ),
  );
}

/** Header parameters are checked before use: a damaged header must not make scrypt ask for gigabytes. */
function kdfIsSane({ log2N, r, p }: KdfParams): boolean {
  return (
    log2N >= 15 && log2N <= 20 && r >= 1 && r <= 16 && p >= 1 && p <= 4 && 128 * 2 ** log2N * r <= MAX_SCRYPT_MEMORY
  );
}

export async function encryptPackage(
  meta: PackageMeta,
  sqlite: Buffer,
  password: string,
  kdf: KdfParams = DEFAULT_KDF,
): Promise<Buffer> {
  const metaJson = Buffer.from(JSON.stringify(meta), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(metaJson.length);
  const header = Buffer.alloc(HEADER_LEN);
  MAGIC.copy(header, 0);
  header.writeUInt8(FORMAT_VERSION, 8);
  header.writeUInt8(kdf.log2N, 9);
  header.writeUInt8(kdf.r, 10);
  header.writeUInt8(kdf.p, 11);
  crypto.randomBytes(16).copy(header, 12);
  crypto.randomBytes(12).copy(header, 28);
  const key = await deriveKey(password, header.subarray(12, 28), kdf);
  const cipher = crypto.createCipheriv('aes-256-gcm', key, header.subarray(28, 40));
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(len), cipher.update(metaJson), cipher.update(sqlite), cipher.final()]);
  return Buffer.concat([header, cipher.getAuthTag(), body]);
}

export async function decryptPackage(pkg: Buffer, password: string): Promise<{ meta: PackageMeta; sqlite: Buffer }> {
  if (pkg.length < DATA_OFFSET + 4) throw new AppError('FILE_ERROR', `${BAD_PACKAGE}（文件不完整）`);
  if (!pkg.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new AppError('FILE_ERROR', '该文件不是大工委工作台的备份包，或文件已损坏。现有数据未被改动。');
  }
  const version = pkg.readUInt8(8);
  if (version !== FORMAT_VERSION) {
    throw new AppError(
      'FILE_ERROR',
      `该备份包的格式（第${version}版）本程序不认识，可能由更新版本的大工委工作台生成，请先升级。现有数据未被改动。`,
    );
  }
  const kdf = { log2N: pkg.readUInt8(9), r: pkg.readUInt8(10), p: pkg.readUInt8(11) };
  if (!kdfIsSane(kdf)) throw new AppError('FILE_ERROR', BAD_PACKAGE);
  const header = pkg.subarray(0, HEADER_LEN);
  const key = await deriveKey(password, header.subarray(12, 28), kdf);
  let plain: Buffer;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, header.subarray(28, 40));
    decipher.setAAD(header);
    decipher.setAuthTag(pkg.subarray(HEADER_LEN, DATA_OFFSET));
    plain = Buffer.concat([decipher.update(pkg.subarray(DATA_OFFSET)), decipher.final()]);
  } catch {
    throw new AppError('FILE_ERROR', BAD_PACKAGE);
  }
  // Authenticated from here on; a bad layout now would be our own bug, still reported without changing data.
  const metaLen = plain.readUInt32BE(0);
  if (4 + metaLen > plain.length) throw new AppError('FILE_ERROR', BAD_PACKAGE);
  const meta = JSON.parse(plain.subarray(4, 4 + metaLen).toString('utf8')) as PackageMeta;
  return { meta, sqlite: plain.subarray(4 + metaLen) };
}
