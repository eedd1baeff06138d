import { defineRoutes } from '../../../http/route.js';

/** Call paths are assumed; the bodies are the document's Call / Transcription / Recording. */
// prettier-ignore
export const llamadaProCallRoutes = defineRoutes({
  listCalls: { method: 'GET', path: '/api/v1/calls', source: 'assumed', capability: 'calls.list', cache: ['calls'] },
  getCall: { method: 'GET', path: '/api/v1/calls/{callId}', source: 'assumed', capability: 'calls.get', cache: ['call:{callId}'] },
  getCallTranscription: { method: 'GET', path: '/api/v1/calls/{callId}/transcription', source: 'assumed', capability: 'calls.transcription', cache: ['call:{callId}'] },
  getCallRecording: { method: 'GET', path: '/api/v1/calls/{callId}/recording', source: 'assumed', capability: 'calls.recording', cache: ['call:{callId}', 'recordings'] },
  startAgentCall: { method: 'POST', path: '/api/v1/calls/agent', source: 'assumed', capability: 'calls.start', invalidates: ['calls'] },
  startVoiceAgentCall: { method: 'POST', path: '/api/v1/calls/voice-agent', source: 'assumed', capability: 'calls.start', invalidates: ['calls'] },
  startBridgeCall: { method: 'POST', path: '/api/v1/calls/bridge', source: 'assumed', capability: 'calls.start', invalidates: ['calls'] },
  createCall: { method: 'POST', path: '/api/v1/calls', source: 'assumed', capability: 'calls.record', invalidates: ['calls'] },
  loadRecording: { method: 'POST', path: '/api/v1/recordings', source: 'assumed', capability: 'recordings.load', invalidates: ['calls', 'recordings'] },
});
