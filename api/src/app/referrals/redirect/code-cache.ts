export interface CachedCode {
  codeId: string;
  programmeId: string;
  /** Landing URL up to where the click id goes, and what follows it (a #fragment). */
  locationHead: string;
  locationTail: string;
  attributionWindowDays: number;
}

interface Slot {
  value: CachedCode | null;
  expiresAt: number;
}

/**
 * A small time-bounded cache in front of the code lookup: the redirect is the hottest path,
 * and a code's landing URL changes rarely. Unknown codes are cached briefly too, so a flood
 * of bad links does not reach the database.
 */
export class CodeCache {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly missTtlMs = 5_000,
    private readonly maxEntries = 50_000,
  ) {}

  get(code: string, now = Date.now()): CachedCode | null | undefined {
    const slot = this.slots.get(code);
    if (!slot) return undefined;
    if (slot.expiresAt < now) {
      this.slots.delete(code);
      return undefined;
    }
    return slot.value;
  }

  set(code: string, value: CachedCode | null, now = Date.now()): void {
    if (this.slots.size >= this.maxEntries) {
      const oldest = this.slots.keys().next().value;
      if (oldest !== undefined) this.slots.delete(oldest);
    }
    this.slots.set(code, {
      value,
      expiresAt: now + (value ? this.ttlMs : this.missTtlMs),
    });
  }

  clear(): void {
    this.slots.clear();
  }
}
