import type { Random } from './random.js';
import type { Customer } from './seeding.js';

/* What the agents of Ovia, CX and HappyRobot say, by topic. */

export type Topic = 'delivery' | 'appointment' | 'renewal';
type Line = readonly ['agent' | 'customer', string];

const CONVERSATIONS: Record<Topic, ((name: string, agent: string) => Line[])[]> = {
  delivery: [
    (name, agent) => [
      [
        'agent',
        `Hi ${name}, this is ${agent} from Acme Logistics, calling about the parcel we deliver tomorrow.`,
      ],
      ['customer', 'Oh yes, I was expecting it. Do you know what time it will arrive?'],
      [
        'agent',
        'The driver has you between 10 and 12 in the morning. Is the delivery address still correct?',
      ],
      ['customer', 'It is, but please ask them to ring the bell, the intercom is broken.'],
      [
        'agent',
        'Noted, I have added that to the delivery instructions. Anything else I can do for you?',
      ],
      ['customer', 'No, that is all. Thank you!'],
    ],
    (name, agent) => [
      [
        'agent',
        `Good afternoon ${name}, ${agent} from Acme Logistics. We tried to deliver your order today but nobody was home.`,
      ],
      ['customer', 'Sorry, I was at work. Can you bring it on Saturday instead?'],
      ['agent', 'Saturday between 9 and 1 works. Shall I book that slot for you?'],
      ['customer', 'Yes please, Saturday morning is perfect.'],
      ['agent', 'Done. You will get a text with the tracking link on Saturday morning.'],
    ],
  ],
  appointment: [
    (name, agent) => [
      [
        'agent',
        `Hello ${name}, this is ${agent} from Lumen Health reminding you of your appointment on Thursday at 4 pm.`,
      ],
      ['customer', 'Thursday at 4... could we move it to Friday morning?'],
      ['agent', 'I have Friday at 9:30 or 11:00 available. Which one suits you better?'],
      ['customer', '9:30, please.'],
      ['agent', 'You are booked for Friday at 9:30. Please arrive ten minutes early with your ID.'],
      ['customer', 'Perfect, see you then.'],
    ],
    (name, agent) => [
      ['customer', `Hi, I'm calling to confirm my appointment, my name is ${name}.`],
      ['agent', `Thanks ${name}, I'm ${agent}. I can see you on Monday at 11 with Dr. Rojas.`],
      ['customer', 'Great. Is there anything I need to bring?'],
      ['agent', 'Just your insurance card and any recent test results.'],
      ['customer', 'Okay, thank you very much.'],
    ],
  ],
  renewal: [
    (name, agent) => [
      [
        'agent',
        `Hi ${name}, ${agent} here from Pacífico Seguros. Your car insurance policy expires at the end of the month.`,
      ],
      ['customer', 'Right, I got the email. Has the premium gone up?'],
      ['agent', 'It goes up by 4%, but with no claims this year you keep your 15% discount.'],
      ['customer', 'Alright, then please renew it with the same coverage.'],
      ['agent', 'Done. The new policy documents will reach your inbox within the hour.'],
    ],
    (name, agent) => [
      ['customer', `Hello, this is ${name}, I want to ask about renewing my home insurance.`],
      [
        'agent',
        `Of course ${name}, I'm ${agent}. Would you like to keep the same coverage as last year?`,
      ],
      ['customer', 'I would like to add theft protection, if it is not too expensive.'],
      [
        'agent',
        'Adding theft protection costs about 6 dollars more per month. Shall I include it?',
      ],
      ['customer', 'Yes, include it and send me the quote, please.'],
      ['agent', 'I have emailed you the quote. You can accept it with one click.'],
    ],
  ],
};

export const VOICEMAIL_LINE = (name: string, agent: string): Line[] => [
  [
    'agent',
    `Hi ${name}, this is ${agent}. Sorry we missed you, please call us back at your convenience. Thank you!`,
  ],
];

export const ANALYSES: Record<Topic, string[]> = {
  delivery: [
    'Customer confirmed the delivery window and added instructions for the driver.',
    "Delivery rescheduled to Saturday morning at the customer's request.",
  ],
  appointment: [
    'Appointment moved to Friday 9:30; customer reminded to bring ID.',
    'Customer confirmed the Monday appointment and asked what to bring.',
  ],
  renewal: [
    'Policy renewed with the same coverage; no-claims discount kept.',
    'Customer asked to add theft protection; quote sent by email.',
  ],
};

export function conversation(
  random: Random,
  topic: Topic,
  customer: Customer,
  agent: string,
): { lines: Line[]; variant: number } {
  const variants = CONVERSATIONS[topic];
  const variant = random.int(0, variants.length - 1);
  const build = variants[variant] ?? variants[0];
  const name = customer.person?.firstName ?? 'there';
  return { lines: build ? build(name, agent) : [], variant };
}

export function transcriptText(lines: Line[]): string {
  return lines
    .map(([role, content]) => `${role === 'agent' ? 'Agent' : 'Customer'}: ${content}`)
    .join('\n');
}
