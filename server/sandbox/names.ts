import type { Random } from './random';

const ROOTS = [
  'Acme',
  'Northwind',
  'Bluepeak',
  'Silverline',
  'Brightwater',
  'Redwood',
  'Ironclad',
  'Skyward',
  'Evergreen',
  'Lighthouse',
  'Granite',
  'Copperleaf',
  'Harbor',
  'Summit',
  'Pinecrest',
  'Riverbend',
  'Stonebridge',
  'Oakridge',
  'Clearview',
  'Keystone',
  'Meridian',
  'Polaris',
  'Vanguard',
  'Horizon',
  'Cobalt',
  'Aurora',
  'Falcon',
  'Juniper',
  'Maple',
  'Cedar',
  'Atlas',
  'Beacon',
  'Crescent',
  'Delta',
  'Emerald',
  'Fjord',
  'Glacier',
  'Hollow',
  'Indigo',
  'Jasper',
  'Kestrel',
  'Lumen',
  'Mosaic',
  'Nimbus',
  'Orchard',
  'Prairie',
  'Quarry',
  'Rainier',
  'Sequoia',
  'Tidewater',
  'Umber',
  'Verdant',
  'Willow',
  'Zephyr',
  'Alder',
  'Birch',
  'Canyon',
  'Driftwood',
  'Ember',
  'Foxglove',
  'Galena',
  'Heron',
  'Ivory',
  'Lantern',
  'Marigold',
  'Nova',
  'Onyx',
  'Pioneer',
  'Quartz',
  'Saffron',
];

const TRADES = [
  'Analytics',
  'Logistics',
  'Health',
  'Robotics',
  'Capital',
  'Labs',
  'Software',
  'Systems',
  'Foods',
  'Energy',
  'Media',
  'Studios',
  'Partners',
  'Networks',
  'Security',
  'Biotech',
  'Cloud',
  'Consulting',
  'Design',
  'Dynamics',
  'Freight',
  'Games',
  'Insurance',
  'Legal',
  'Markets',
  'Mobility',
  'Outdoors',
  'Pharma',
  'Retail',
  'Travel',
  'Ventures',
  'Works',
];

const SUFFIXES = ['', '', '', ' Inc', ' Ltd', ' GmbH', ' LLC', ' Co', ' Group', ' SAS'];

export const FIRST_NAMES = [
  'Ada',
  'Alan',
  'Amara',
  'Anders',
  'Aisha',
  'Beatriz',
  'Bjorn',
  'Camille',
  'Carlos',
  'Chen',
  'Chloe',
  'Daniel',
  'Deepa',
  'Diego',
  'Elena',
  'Emeka',
  'Emma',
  'Farah',
  'Felix',
  'Grace',
  'Hana',
  'Hugo',
  'Ines',
  'Isaac',
  'Jamal',
  'Jane',
  'Jonas',
  'Julia',
  'Kai',
  'Kenji',
  'Lars',
  'Layla',
  'Leo',
  'Lucia',
  'Maya',
  'Mateo',
  'Mei',
  'Mohammed',
  'Nadia',
  'Noah',
  'Olivia',
  'Omar',
  'Priya',
  'Rafael',
  'Rosa',
  'Sam',
  'Sara',
  'Sofia',
  'Tariq',
  'Theo',
  'Uma',
  'Victor',
  'Wen',
  'Yara',
  'Yusuf',
  'Zoe',
  'Ingrid',
  'Marek',
  'Nora',
  'Oscar',
  'Paula',
  'Ravi',
  'Selin',
  'Tomas',
];

export const LAST_NAMES = [
  'Abbott',
  'Adeyemi',
  'Andersen',
  'Bauer',
  'Becker',
  'Brooks',
  'Castillo',
  'Chen',
  'Costa',
  'Dubois',
  'Eriksson',
  'Fernandes',
  'Fischer',
  'Garcia',
  'Gupta',
  'Hansen',
  'Haddad',
  'Ito',
  'Jansen',
  'Kim',
  'Kowalski',
  'Larsen',
  'Lopez',
  'Martin',
  'Moreau',
  'Nakamura',
  'Novak',
  'Okafor',
  'Olsen',
  'Patel',
  'Peralta',
  'Quinn',
  'Rossi',
  'Santos',
  'Schmidt',
  'Silva',
  'Singh',
  'Suzuki',
  'Tanaka',
  'Torres',
  'Varga',
  'Wagner',
  'Walsh',
  'Weber',
  'Yilmaz',
  'Zhang',
  'Lindqvist',
  'Murphy',
  'Nguyen',
  'Osei',
  'Petrov',
  'Reyes',
  'Sato',
  'Turner',
  'Usman',
  'Vogel',
  'Wright',
];

/** `count` distinct, realistic company names. */
export function companyNames(random: Random, count: number): string[] {
  const names = new Set<string>();
  let guard = 0;
  while (names.size < count && guard++ < count * 50) {
    names.add(`${random.pick(ROOTS)} ${random.pick(TRADES)}${random.pick(SUFFIXES)}`);
  }
  return [...names];
}

export function slugify(name: string, separator = '-'): string {
  const words = name
    .toLowerCase()
    .normalize('NFKD')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  return words.join(separator);
}

export interface PersonSeed {
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
}

/** `count` distinct people with work emails at a handful of domains. */
export function people(random: Random, count: number, domains: readonly string[]): PersonSeed[] {
  const out: PersonSeed[] = [];
  const emails = new Set<string>();
  let guard = 0;
  while (out.length < count && guard++ < count * 50) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const domain = random.pick(domains);
    const base = `${firstName}.${lastName}`.toLowerCase();
    let email = `${base}@${domain}`;
    for (let n = 2; emails.has(email); n++) email = `${base}${n}@${domain}`;
    emails.add(email);
    out.push({ firstName, lastName, email });
  }
  return out;
}

export const EMAIL_DOMAINS = [
  'example.com',
  'acme.test',
  'northwind.test',
  'globex.test',
  'initech.test',
  'umbrella.test',
  'hooli.test',
  'piedpiper.test',
  'wayne.test',
  'stark.test',
];
