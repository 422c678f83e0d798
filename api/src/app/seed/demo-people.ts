/** A deterministic generator, so every demo seed is the same and reruns find the same rows. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Ava',
  'Ben',
  'Chloe',
  'Daniel',
  'Emma',
  'Felix',
  'Grace',
  'Hugo',
  'Isla',
  'Jack',
  'Kai',
  'Lena',
  'Mia',
  'Noah',
  'Olivia',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tara',
  'Umar',
  'Vera',
  'Will',
  'Yara',
  'Zane',
  'Aisha',
  'Bruno',
  'Carmen',
  'Diego',
  'Elif',
  'Farah',
  'Goran',
  'Hana',
  'Ivan',
  'Jonas',
  'Keiko',
  'Luca',
];
const LAST = [
  'Adams',
  'Bauer',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jansen',
  'Kowalski',
  'Larsen',
  'Moreau',
  'Nakamura',
  'Okafor',
  'Petrov',
  'Quintero',
  'Rossi',
  'Silva',
  'Tanaka',
  'Usman',
  'Varga',
  'Weber',
  'Xu',
  'Young',
  'Zimmer',
];

export interface DemoPerson {
  externalId: string;
  email: string;
  name: string;
  purchaseCount: number;
  purchaseValue: number;
  firstPurchaseAt: Date;
  lastPurchaseAt: Date;
  consentEmail: boolean;
  consentMarketing: boolean;
}

export function demoPeople(
  count: number,
  now: Date,
  seed = 2026,
): DemoPerson[] {
  const random = mulberry32(seed);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)];
  const people: DemoPerson[] = [];
  for (let i = 0; i < count; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    const purchaseCount = 1 + Math.floor(random() ** 2 * 12);
    const firstPurchaseAt = new Date(
      now.getTime() - (60 + random() * 700) * 86_400_000,
    );
    const lastPurchaseAt = new Date(
      firstPurchaseAt.getTime() +
        random() * (now.getTime() - firstPurchaseAt.getTime()),
    );
    people.push({
      externalId: `crm-${String(10001 + i)}`,
      email: `${first}.${last}.${i + 1}@example.com`.toLowerCase(),
      name: `${first} ${last}`,
      purchaseCount,
      purchaseValue:
        Math.round(purchaseCount * (25 + random() * 120) * 100) / 100,
      firstPurchaseAt,
      lastPurchaseAt,
      consentEmail: random() < 0.85,
      consentMarketing: random() < 0.6,
    });
  }
  return people;
}
