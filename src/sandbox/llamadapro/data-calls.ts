import { SANDBOX_NOW, type SandboxPerson } from '../people.js';
import type { Random } from '../random.js';
import { isoMillis, MINUTE, SECOND } from '../seeding.js';
import { fill, weighted } from './data-helpers.js';
import {
  LLAMADAPRO_COMPANY_NUMBERS,
  LLAMADAPRO_TENANT_ID,
  LLAMADAPRO_USER_IDS,
  type LlamadaProCallRecord,
  type LlamadaProContactRecord,
  type LlamadaProConversationRecord,
  type LlamadaProData,
  type LlamadaProRecordingRecord,
  type LlamadaProTranscriptionRecord,
} from './records.js';

const CALL_COUNT = 62;

const CALL_STATUSES_ONCE = [
  'completed',
  'in-progress',
  'no-answer',
  'busy',
  'failed',
  'queued',
  'ringing',
  'canceled',
  'voicemail',
];
const CALL_STATUS_WEIGHTS: Array<[string, number]> = [
  ['completed', 30],
  ['no-answer', 6],
  ['busy', 3],
  ['failed', 3],
  ['canceled', 2],
  ['in-progress', 1],
  ['queued', 1],
  ['ringing', 1],
  ['voicemail', 3],
];
const ACTIVE_STATUSES = new Set(['in-progress', 'queued', 'ringing']);
const CATEGORIES = ['sales', 'support', 'collections', 'onboarding'] as const;
const CAMPAIGNS = ['spring-renewals', 'winback-q3', 'new-catalog', 'payment-reminders'];

const DIALOGUES: Record<(typeof CATEGORIES)[number], string[][]> = {
  sales: [
    [
      'Agent: Hola {name}, le habla Sofía de {company}. ¿Tiene un minuto?',
      'Customer: Sí, dígame.',
      'Agent: Le llamo por la nueva línea de productos; tenemos un 15% de descuento este mes.',
      'Customer: Me interesa. ¿Me puede mandar la propuesta por WhatsApp?',
      'Agent: Claro, se la envío hoy mismo. ¡Gracias, {name}!',
    ],
    [
      'Agent: Hi {name}, this is Liam from {company}. Is now a good time?',
      'Customer: Sure, go ahead.',
      "Agent: Your plan renews next week and we can lock in last year's price if you renew today.",
      'Customer: Send me the quote and I will look at it with my team.',
      'Agent: Done, you will have it by email within the hour.',
    ],
  ],
  support: [
    [
      'Customer: Hola, mi pedido no ha llegado y ya pasaron cinco días.',
      'Agent: Lo siento mucho, {name}. ¿Me confirma el número de pedido?',
      'Customer: Es el 48213.',
      'Agent: Veo que quedó retenido en bodega. Lo despachamos hoy y llega mañana antes de las 14:00.',
      'Customer: Perfecto, gracias.',
    ],
    [
      'Customer: Hi, I was charged twice for the same invoice.',
      'Agent: I am sorry about that, {name}. Let me check... yes, I see the duplicate charge.',
      'Agent: I have issued a refund; it should show in three to five business days.',
      'Customer: Great, thanks for the quick help.',
    ],
  ],
  collections: [
    [
      'Agent: Buenos días {name}, le llamamos de {company} por la factura vencida del mes pasado.',
      'Customer: Sí, tuve un problema con el banco. ¿Puedo pagar el viernes?',
      'Agent: Sin problema, dejo registrado el compromiso de pago para el viernes.',
      'Customer: Gracias.',
    ],
  ],
  onboarding: [
    [
      'Agent: Bonjour {name}, je vous appelle pour la mise en route de votre compte {company}.',
      "Customer: Oui, j'ai reçu les accès hier.",
      'Agent: Parfait. Avez-vous pu importer vos contacts ?',
      'Customer: Pas encore, je le fais cet après-midi.',
      'Agent: Très bien, je vous rappelle demain pour vérifier.',
    ],
  ],
};
const VOICEMAIL =
  'Agent: Hola {name}, le dejamos este mensaje de {company}. Por favor devuélvanos la llamada cuando pueda. ¡Gracias!';

/** Calls, with recordings and transcriptions for those that were answered. */
export function createCalls(
  random: Random,
  nextIds: LlamadaProData['nextIds'],
  people: SandboxPerson[],
  contacts: LlamadaProContactRecord[],
  conversations: LlamadaProConversationRecord[],
): Pick<LlamadaProData, 'calls' | 'recordings' | 'transcriptions'> {
  const calls: LlamadaProCallRecord[] = [];
  const recordings = new Map<number, LlamadaProRecordingRecord>();
  const transcriptions = new Map<number, LlamadaProTranscriptionRecord>();
  let completedSeen = 0;
  for (let index = 0; index < CALL_COUNT; index += 1) {
    const status = CALL_STATUSES_ONCE[index] ?? weighted(random, CALL_STATUS_WEIGHTS);
    const direction = random.chance(0.55) ? 'outgoing' : 'incoming';
    const person = random.chance(0.85) ? random.pick(people) : null;
    const customer =
      person === null
        ? `+5411${String(random.int(10_000_000, 99_999_999))}`
        : person.secondPhone !== null && random.chance(0.25)
          ? person.secondPhone
          : person.phone;
    const company = random.pick(LLAMADAPRO_COMPANY_NUMBERS);
    const contact = person === null ? undefined : contacts[person.index];
    const contactId = contact !== undefined && random.chance(0.9) ? contact.id : null;
    const active = ACTIVE_STATUSES.has(status);
    const startMs = active
      ? SANDBOX_NOW - random.int(1, 90) * MINUTE
      : SANDBOX_NOW - random.int(2 * 3600, 45 * 86_400 - 1) * SECOND;
    const duration =
      status === 'completed'
        ? random.int(25, 900)
        : status === 'voicemail'
          ? random.int(15, 60)
          : active
            ? null
            : 0;
    const vapi = random.chance(0.2);
    const funnelConversation =
      contactId === null ? undefined : conversations.find((entry) => entry.contactId === contactId);
    calls.push({
      id: nextIds.call++,
      tenantId: LLAMADAPRO_TENANT_ID,
      providerId: vapi ? random.uuid() : `CA${random.hex(32)}`,
      providerName: vapi ? 'vapi' : 'twilio',
      funnelConversationId: funnelConversation?.id ?? null,
      sessionId: random.chance(0.5) ? random.int(30_000, 39_999) : null,
      userId: random.chance(0.6) ? random.pick(LLAMADAPRO_USER_IDS) : null,
      contactId,
      opportunityId: random.chance(0.3) ? random.int(800, 999) : null,
      analysisConfigId: random.chance(0.5) ? random.pick([3, 4]) : null,
      teamId: random.chance(0.7) ? random.pick([1, 2]) : null,
      from: direction === 'outgoing' ? company : customer,
      to: direction === 'outgoing' ? customer : company,
      redirectedTo: random.chance(0.05) ? random.pick(LLAMADAPRO_COMPANY_NUMBERS) : null,
      duration,
      direction,
      status,
      startTime: isoMillis(startMs),
      metadata: random.chance(0.5) ? { campaign: random.pick(CAMPAIGNS) } : null,
      customData: random.chance(0.3) ? { crmLeadId: `lead_${random.hex(6)}` } : null,
      agentScore: status === 'completed' ? random.int(40, 100) / 10 : null,
      category: random.pick(CATEGORIES),
      createdAt: isoMillis(startMs - random.int(0, 5) * SECOND),
      updatedAt: isoMillis(
        Math.min(startMs + (duration ?? 0) * SECOND + random.int(1, 30) * SECOND, SANDBOX_NOW),
      ),
      lastUpdateSequence: random.int(1, 12),
    });
  }
  // Two calls that started in the very same second, so that tie-breaking is exercised.
  const settled = calls.filter((call) => !ACTIVE_STATUSES.has(call.status));
  const [first, second] = [settled[10], settled[11]];
  if (first !== undefined && second !== undefined) {
    second.startTime = first.startTime;
    second.createdAt = first.createdAt;
  }
  for (const call of calls) {
    if (call.status !== 'completed' && call.status !== 'voicemail') continue;
    const startMs = Date.parse(call.startTime);
    const endMs = startMs + (call.duration ?? 0) * SECOND;
    const recordingId = nextIds.recording++;
    const recordingSid = `RE${random.hex(32)}`;
    recordings.set(call.id, {
      id: recordingId,
      tenantId: LLAMADAPRO_TENANT_ID,
      callId: call.id,
      providerId: recordingSid,
      providerName: 'twilio',
      callProviderId: call.providerId,
      callProviderName: call.providerName,
      url: `https://media.llamadapro.example/recordings/${recordingSid}.mp3`,
      startTime: call.startTime,
      duration: call.duration,
      dualChannel: random.chance(0.7),
      createdAt: isoMillis(endMs + 5 * SECOND),
      updatedAt: isoMillis(endMs + 5 * SECOND),
    });
    // Every seventh completed call was never transcribed.
    if (call.status === 'completed' && completedSeen++ % 7 === 6) continue;
    const contact = contacts.find((entry) => entry.id === call.contactId);
    const category = CATEGORIES.find((entry) => entry === call.category) ?? 'support';
    const lines = call.status === 'voicemail' ? [VOICEMAIL] : random.pick(DIALOGUES[category]);
    const text = lines
      .map((line) => fill(line, { name: contact?.firstName ?? 'cliente', company: 'Andes Retail' }))
      .join('\n');
    const transcriptionId = nextIds.transcription++;
    const providerId = random.uuid();
    transcriptions.set(call.id, {
      id: transcriptionId,
      tenantId: LLAMADAPRO_TENANT_ID,
      providerId,
      providerName: 'deepgram',
      recordingId,
      url: `https://media.llamadapro.example/transcriptions/${providerId}.json`,
      text,
      createdAt: isoMillis(endMs + 40 * SECOND),
      updatedAt: isoMillis(endMs + 40 * SECOND),
    });
  }
  return { calls, recordings, transcriptions };
}
