// A bounded cache for bulk runs. A Map kept in recency order (delete and set again on every hit)
// leaves its deleted entries in place until it is rehashed, and finding its oldest key then walks
// over them: that walk cost a bulk decode ~9 µs a value. CLOCK needs no order: a hit marks its
// entry, and the hand going round drops the first entry not marked since it last passed (and
// clears the marks it passes).

interface Slot<V> {
  key: string;
  value: V;
  bytes: number;
  used: boolean;
}

export class ClockCache<V> {
  private readonly map = new Map<string, Slot<V>>();
  private readonly slots: (Slot<V> | undefined)[] = [];
  private readonly free: number[] = [];
  private hand = 0;
  private total = 0;

  /** At most `size` entries of at most `budget` bytes in all; `dropped` hears of each entry dropped. */
  constructor(
    private readonly size: number,
    private readonly budget: number,
    private readonly dropped: (value: V) => void = () => {},
  ) {}

  get(key: string): V | undefined {
    const slot = this.map.get(key);
    if (slot === undefined) return undefined;
    slot.used = true;
    return slot.value;
  }

  /** Keeps a value not yet kept, of `bytes` bytes, making room for it first. */
  set(key: string, value: V, bytes: number): void {
    this.total += bytes;
    while (this.map.size > 0 && (this.map.size >= this.size || this.total > this.budget)) this.dropOne();
    const slot = { key, value, bytes, used: false };
    this.map.set(key, slot);
    const at = this.free.pop();
    if (at === undefined) this.slots.push(slot);
    else this.slots[at] = slot;
  }

  get count(): number {
    return this.map.size;
  }

  get bytes(): number {
    return this.total;
  }

  private dropOne(): void {
    for (;;) {
      if (this.hand >= this.slots.length) this.hand = 0;
      const at = this.hand++;
      const slot = this.slots[at];
      if (slot === undefined) continue;
      if (slot.used) {
        slot.used = false;
        continue;
      }
      this.slots[at] = undefined;
      this.free.push(at);
      this.map.delete(slot.key);
      this.total -= slot.bytes;
      this.dropped(slot.value);
      return;
    }
  }
}

/** Size classes of byte slots: steps of this many bytes, up to this many steps. */
const STEP = 128;
const MAX_STEPS = 64;
const BLOCK = 256 * 1024;

/**
 * Memory for kept bytes. One Buffer each cost ~1.2 µs and V8 counts every one as external memory
 * to collect for; here slots are cut from large blocks in steps of 128 bytes, and a slot given
 * back is used again for the next of its size. Longer ones get memory of their own.
 */
export class ByteSlots {
  private readonly free: Buffer[][] = [];
  private block = Buffer.alloc(0);
  private used = 0;

  /** The bytes of `text` (UTF-8), in a slot of their own (a long text in memory of its own). */
  take(text: string): Buffer {
    const length = Buffer.byteLength(text);
    const steps = Math.ceil(length / STEP) || 1;
    if (steps > MAX_STEPS) return Buffer.from(text);
    let slot = (this.free[steps] ??= []).pop();
    if (slot === undefined) {
      if (this.used + steps * STEP > this.block.length) {
        this.block = Buffer.allocUnsafeSlow(BLOCK);
        this.used = 0;
      }
      slot = this.block.subarray(this.used, (this.used += steps * STEP));
    }
    slot.write(text);
    return length === slot.length ? slot : slot.subarray(0, length);
  }

  /** How many bytes `take` holds for bytes of this length. */
  static held(length: number): number {
    const steps = Math.ceil(length / STEP) || 1;
    return steps > MAX_STEPS ? length : steps * STEP;
  }

  /** Gives back what `take` gave, to be used again. */
  give(bytes: Buffer): void {
    const steps = Math.ceil(bytes.length / STEP) || 1;
    if (steps <= MAX_STEPS) this.free[steps]?.push(Buffer.from(bytes.buffer, bytes.byteOffset, steps * STEP));
  }
}
