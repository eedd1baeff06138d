import { createRandom, mixSeed } from './random.js';

/** A customer of the sandbox's fictional business; contacts and call numbers are drawn from these. */
export interface SandboxPerson {
  index: number;
  firstName: string;
  lastName: string;
  /** E.164 mobile number, unique. */
  phone: string;
  /** A second number for some people (a landline or WhatsApp-only number). */
  secondPhone: string | null;
  email: string | null;
  company: string | null;
  position: string | null;
  nationalId: string | null;
}

const FIRST = [
  'Camila',
  'Mateo',
  'Valentina',
  'Santiago',
  'Sofía',
  'Benjamín',
  'Isabella',
  'Lucas',
  'Martina',
  'Joaquín',
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'Ethan',
  'Mia',
  'James',
  'Charlotte',
  'Amelia',
  'Hugo',
  'Léa',
  'Louis',
  'Chloé',
  'Gabriel',
  'Inès',
  'Diego',
  'Renata',
  'Tomás',
  'Julieta',
];
const LAST = [
  'González',
  'Muñoz',
  'Rojas',
  'Díaz',
  'Pérez',
  'Soto',
  'Contreras',
  'Silva',
  'Martínez',
  'Sepúlveda',
  'Smith',
  'Johnson',
  'Brown',
  'Garcia',
  'Miller',
  'Davis',
  'Wilson',
  'Moore',
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Petit',
  'López',
  'Hernández',
  'Ramírez',
  'Torres',
  'Flores',
  'Vargas',
];
const COMPANIES = [
  'Acme Logistics',
  'Andes Retail',
  'Pacífico Seguros',
  'Northwind Traders',
  'Globex',
  'Initech',
  'Lumen Health',
  'Soprole',
  'Bluebird Realty',
  null,
  null,
  null,
];
const POSITIONS = [
  'Operations Manager',
  'Owner',
  'Purchasing Lead',
  'CFO',
  'Dispatcher',
  null,
  null,
];

/** Country codes and national mobile formats: Chile, Mexico, US, France, Colombia. */
const NUMBER_PLANS = [
  { prefix: '+569', digits: 8 },
  { prefix: '+5255', digits: 8 },
  { prefix: '+1415', digits: 7 },
  { prefix: '+336', digits: 8 },
  { prefix: '+57310', digits: 7 },
];

export const SANDBOX_PEOPLE_COUNT = 100;

function strip(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * 100 people with unique E.164 numbers, the same on every run for a given sandbox `seed` (0: the
 * default data set).
 */
export function createPeople(seed = 0): SandboxPerson[] {
  const random = createRandom(mixSeed(7, seed));
  const used = new Set<string>();
  const number = (): string => {
    for (;;) {
      const plan = random.pick(NUMBER_PLANS);
      let digits = '';
      for (let i = 0; i < plan.digits; i += 1) digits += String(random.int(0, 9));
      const candidate = plan.prefix + digits;
      if (!used.has(candidate)) {
        used.add(candidate);
        return candidate;
      }
    }
  };
  return Array.from({ length: SANDBOX_PEOPLE_COUNT }, (_, index) => {
    const firstName = random.pick(FIRST);
    const lastName = random.pick(LAST);
    const company = random.pick(COMPANIES);
    return {
      index,
      firstName,
      lastName,
      phone: number(),
      secondPhone: random.chance(0.2) ? number() : null,
      email: random.chance(0.8)
        ? `${strip(firstName)}.${strip(lastName)}${index}@${company ? strip(company).replace(/[^a-z]/g, '') + '.com' : 'mail.example'}`
        : null,
      company,
      position: company ? random.pick(POSITIONS) : null,
      nationalId: random.chance(0.5)
        ? `${random.int(10_000_000, 25_999_999)}-${random.int(0, 9)}`
        : null,
    };
  });
}

/** The sandbox's "now": every seeded date lies before it, so the data set never changes. */
export const SANDBOX_NOW = Date.parse('2026-11-01T12:00:00.000Z');
