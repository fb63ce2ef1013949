/** The importer's cap (checked again on the main side); bigger files are refused before being read. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Bytes to base64 in chunks: String.fromCharCode(...) on a whole 20 MB file would overflow the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const CHUNK = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  }
  return btoa(binary);
}

export async function fileToBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
