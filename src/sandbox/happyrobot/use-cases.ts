import type { Topic } from '../dialogues.js';

/** A compact, realistic subset of the use case HappyRobot embeds in every call. */
export interface HappyRobotUseCaseRecord {
  id: string;
  organization_id: string;
  name: string;
  transfer_number: string;
  extract_with_ai: {
    name: string;
    description: string;
    type: string;
    example: string;
    required: boolean;
  }[];
  classification_tags: { name: string; description: string }[];
  language: string;
  timezone: string;
  max_duration_mins: number;
  model: string;
}

export const HAPPYROBOT_ORGANIZATION = '65f1a2b3c4d5e6f708192a3b';

function happyRobotUseCase(
  id: string,
  name: string,
  language: string,
  extract: HappyRobotUseCaseRecord['extract_with_ai'],
  tags: HappyRobotUseCaseRecord['classification_tags'],
): HappyRobotUseCaseRecord {
  return {
    id,
    organization_id: HAPPYROBOT_ORGANIZATION,
    name,
    transfer_number: '+16505550100',
    extract_with_ai: extract,
    classification_tags: tags,
    language,
    timezone: 'America/Santiago',
    max_duration_mins: 15,
    model: 'gpt-4o',
  };
}

export const HAPPYROBOT_USE_CASES: {
  topic: Topic;
  useCase: HappyRobotUseCaseRecord;
  promptId: string;
  agent: { id: string; name: string };
}[] = [
  {
    topic: 'delivery',
    promptId: '66a0b1c2d3e4f5061728394a',
    agent: { id: '66b1c2d3e4f5061728394a5b', name: 'Kate' },
    useCase: happyRobotUseCase(
      '6601a2b3c4d5e6f708192a01',
      'Delivery confirmation',
      'en-US',
      [
        {
          name: 'delivery_window',
          description: 'The delivery window the customer accepted',
          type: 'string',
          example: '10:00-12:00',
          required: true,
        },
        {
          name: 'instructions',
          description: 'Instructions for the driver',
          type: 'string',
          example: 'Ring the bell',
          required: false,
        },
      ],
      [
        { name: 'confirmed', description: 'The customer confirmed the delivery' },
        { name: 'rescheduled', description: 'The customer asked for another day' },
      ],
    ),
  },
  {
    topic: 'appointment',
    promptId: '66a0b1c2d3e4f5061728394b',
    agent: { id: '66b1c2d3e4f5061728394a5c', name: 'Lucas' },
    useCase: happyRobotUseCase(
      '6601a2b3c4d5e6f708192a02',
      'Appointment reminders',
      'en-US',
      [
        {
          name: 'appointment_time',
          description: 'The confirmed appointment time',
          type: 'string',
          example: 'Friday 9:30',
          required: true,
        },
      ],
      [
        { name: 'confirmed', description: 'The appointment stands' },
        { name: 'moved', description: 'The appointment moved to another time' },
      ],
    ),
  },
  {
    topic: 'renewal',
    promptId: '66a0b1c2d3e4f5061728394c',
    agent: { id: '66b1c2d3e4f5061728394a5d', name: 'Elena' },
    useCase: happyRobotUseCase(
      '6601a2b3c4d5e6f708192a03',
      'Insurance renewal',
      'es-CL',
      [
        {
          name: 'renewed',
          description: 'Whether the customer renewed',
          type: 'boolean',
          example: 'true',
          required: true,
        },
        {
          name: 'extra_coverage',
          description: 'Coverage the customer added',
          type: 'string',
          example: 'theft',
          required: false,
        },
      ],
      [
        { name: 'renewed', description: 'The policy was renewed' },
        { name: 'quote_sent', description: 'A quote was sent for the customer to accept' },
      ],
    ),
  },
];
