import { builder } from '../builder.js';
import { CallDirectionEnum, ChannelEnum } from './enums.js';

/* The members of the @oneOf StartCallInput: one form per vendor dialect. */

export const OviaStartCallInput = builder.inputType('OviaStartCallInput', {
  description: 'An Ovia call (POST /api/v1/calls on Ovia).',
  fields: (t) => ({
    userId: t.string({ required: true, description: 'The Ovia user placing the call (UUID).' }),
    agentId: t.string({ required: true, description: 'The Ovia agent that talks (UUID).' }),
    type: t.string({ required: true, description: 'The kind of call, e.g. `phone_call`.' }),
    direction: t.field({
      type: CallDirectionEnum,
      required: true,
      description: 'INBOUND or OUTBOUND; sent lower-case.',
    }),
    fromNumber: t.string({ required: true, description: 'The calling number (E.164).' }),
    toNumber: t.string({ required: true, description: 'The called number (E.164).' }),
    phoneNumberId: t.string({
      required: true,
      description: 'The Ovia phone number the call goes through (UUID).',
    }),
  }),
});

const AgentCallPersonalityInput = builder.inputType('AgentCallPersonalityInput', {
  description: "The LlamadaPro agent's personality on one call.",
  fields: (t) => ({
    name: t.string({ required: false, description: 'The name the agent gives itself.' }),
    communicationStyle: t.string({
      required: false,
      description: 'How it speaks, e.g. `professional`.',
    }),
    customTraits: t.string({ required: false, description: 'Further traits, in prose.' }),
  }),
});

const AgentCallContactInfoInput = builder.inputType('AgentCallContactInfoInput', {
  description: 'What the LlamadaPro agent knows of the person it calls.',
  fields: (t) => ({
    firstName: t.string({ required: false, description: "The person's first name." }),
    lastName: t.string({ required: false, description: "The person's last name." }),
    company: t.string({ required: false, description: 'Where the person works.' }),
    additionalInfo: t.field({
      type: 'JSON',
      required: false,
      description: 'More facts about the person: an object of string values.',
    }),
  }),
});

const VapiModelChoiceInput = builder.inputType('VapiModelChoiceInput', {
  description: 'Which language model Vapi runs.',
  fields: (t) => ({
    provider: t.string({ required: false, description: 'The model vendor, e.g. `openai`.' }),
    model: t.string({ required: false, description: 'The model, e.g. `gpt-4o`.' }),
  }),
});

const VapiModelConfigInput = builder.inputType('VapiModelConfigInput', {
  description: "Vapi's language-model settings.",
  fields: (t) => ({
    maxTokens: t.float({ required: false, description: 'Most tokens per answer.' }),
    temperature: t.float({ required: false, description: 'Sampling temperature.' }),
    model: t.field({
      type: VapiModelChoiceInput,
      required: false,
      description: 'Which model.',
    }),
  }),
});

const VapiVoiceConfigInput = builder.inputType('VapiVoiceConfigInput', {
  description: "Vapi's text-to-speech settings.",
  fields: (t) => ({
    provider: t.string({ required: false, description: 'The voice vendor, e.g. `11labs`.' }),
    voiceId: t.string({ required: false, description: "The voice, by the vendor's id." }),
    model: t.string({ required: false, description: "The vendor's voice model." }),
    speed: t.float({ required: false, description: 'Speaking speed.' }),
    stability: t.float({ required: false, description: 'Voice stability.' }),
    style: t.float({ required: false, description: 'Style exaggeration.' }),
    optimizeStreamingLatency: t.float({
      required: false,
      description: 'Latency optimization level.',
    }),
  }),
});

const VapiTranscriberConfigInput = builder.inputType('VapiTranscriberConfigInput', {
  description: "Vapi's speech-to-text settings.",
  fields: (t) => ({
    provider: t.string({
      required: false,
      description: 'The transcription vendor, e.g. `deepgram`.',
    }),
    model: t.string({ required: false, description: "The vendor's model, e.g. `nova-2`." }),
    localization: t.string({
      required: false,
      description: 'The speech variant: one of CL, MX, CO, PE, US.',
    }),
    confidenceThreshold: t.float({
      required: false,
      description: 'Words below this confidence are dropped.',
    }),
    keywords: t.stringList({ required: false, description: 'Words to listen for.' }),
  }),
});

const VapiProviderConfigInput = builder.inputType('VapiProviderConfigInput', {
  description:
    'Vapi-specific settings of a LlamadaPro agent call; giving them sends `provider: "vapi"`.',
  fields: (t) => ({
    model: t.field({
      type: VapiModelConfigInput,
      required: false,
      description: 'The language model.',
    }),
    voice: t.field({ type: VapiVoiceConfigInput, required: false, description: 'The voice.' }),
    transcriber: t.field({
      type: VapiTranscriberConfigInput,
      required: false,
      description: 'The transcriber.',
    }),
  }),
});

export const LlamadaProAgentCallInput = builder.inputType('LlamadaProAgentCallInput', {
  description: 'A LlamadaPro AI-agent call described by its objectives (StartAgentCall).',
  fields: (t) => ({
    toPhoneNumber: t.string({ required: true, description: 'The number to call (E.164).' }),
    fromPhoneNumber: t.string({
      required: false,
      description: 'The number to call from (E.164); LlamadaPro picks one when left out.',
    }),
    objectives: t.stringList({
      required: true,
      description: 'What the agent must achieve; at least one.',
    }),
    userId: t.int({ required: false, description: 'The LlamadaPro user the call is for.' }),
    personality: t.field({
      type: AgentCallPersonalityInput,
      required: false,
      description: "The agent's personality.",
    }),
    localization: t.string({
      required: false,
      description: 'The Spanish (or English) variant spoken: one of CL, MX, CO, PE, US.',
    }),
    constraints: t.stringList({
      required: false,
      description: 'What the agent must not do.',
    }),
    contactInfo: t.field({
      type: AgentCallContactInfoInput,
      required: false,
      description: 'Who the agent calls.',
    }),
    knowledgeBase: t.string({
      required: false,
      description: 'Facts the agent may draw on, in prose.',
    }),
    taskSteps: t.stringList({ required: false, description: 'The steps to follow, in order.' }),
    maxDurationSeconds: t.float({
      required: false,
      description: 'Hang up after this many seconds (> 0).',
    }),
    silenceTimeoutSeconds: t.float({
      required: false,
      description: 'Hang up after this many seconds of silence (> 0).',
    }),
    customData: t.field({
      type: 'JSON',
      required: false,
      description: 'An object stored with the call.',
    }),
    providerConfig: t.field({
      type: VapiProviderConfigInput,
      required: false,
      description: 'Vapi settings; when given, the call runs on Vapi.',
    }),
  }),
});

export const LlamadaProVoiceAgentCallInput = builder.inputType('LlamadaProVoiceAgentCallInput', {
  description: 'A call by a configured LlamadaPro voice agent (StartAgentCall, voiceAgentId form).',
  fields: (t) => ({
    voiceAgentId: t.id({
      required: true,
      description:
        'The voice agent: LlamadaPro\'s numeric id, given as a number (`123`) or a string of digits (`"123"`); sent as a number.',
    }),
    to: t.string({ required: true, description: 'The number to call (E.164).' }),
    contextVariables: t.field({
      type: 'JSON',
      required: true,
      description: "An object of values for the agent's prompt, e.g. the customer's name.",
    }),
    customData: t.field({
      type: 'JSON',
      required: false,
      description: 'An object stored with the call.',
    }),
  }),
});

export const LlamadaProBridgeCallInput = builder.inputType('LlamadaProBridgeCallInput', {
  description: 'A LlamadaPro bridge call connecting a person to a number (StartBridgeCall).',
  fields: (t) => ({
    from: t.string({
      required: false,
      description: 'The number to call from (E.164); LlamadaPro picks one when left out.',
    }),
    to: t.string({ required: true, description: 'The number to call (E.164).' }),
    callCustomData: t.field({
      type: 'JSON',
      required: false,
      description: 'An object stored with the call.',
    }),
  }),
});

export const CxStartCallInput = builder.inputType('CxStartCallInput', {
  description: 'A CX interaction: the agent reaches the customer on a channel.',
  fields: (t) => ({
    agentId: t.string({ required: true, description: 'The CX agent (UUID).' }),
    channel: t.field({
      type: ChannelEnum,
      required: true,
      description: 'How to reach the customer; sent lower-case.',
    }),
    skillId: t.string({ required: true, description: 'The CX skill to use (UUID).' }),
    customerName: t.string({ required: true, description: "The customer's name." }),
    customerPhone: t.string({ required: true, description: "The customer's number (E.164)." }),
  }),
});
