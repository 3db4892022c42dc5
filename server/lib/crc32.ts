/** CRC-32 (IEEE 802.3, as ZIP uses it), table-driven; web APIs have none and Node 20's zlib has no crc32. */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/**
 * A running CRC-32: feed chunks in order, read `value` at the end.
 *
 * @example const c = new Crc32(); c.update(bytes); c.value // 0xcbf43926 for "123456789"
 */
export class Crc32 {
  #state = 0xffffffff;

  update(bytes: Uint8Array): void {
    let c = this.#state;
    for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
    this.#state = c;
  }

  get value(): number {
    return (this.#state ^ 0xffffffff) >>> 0;
  }
}
