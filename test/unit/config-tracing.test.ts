import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('trace export configuration', () => {
  it('is off without an OTLP endpoint', () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(loadConfig({ OTEL_SERVICE_NAME: 'x' }).tracing).toBeNull();
  });

  it('sends to <endpoint>/v1/traces in protobuf as switchboard by default', () => {
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      tracesUrl: 'http://collector:4318/v1/traces',
      protocol: 'http/protobuf',
      serviceName: 'switchboard',
    });
  });

  it('takes the traces endpoint as it is, the traces protocol first, and the service name', () => {
    expect(
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://traces.example.com/otlp',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/protobuf',
        OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/json',
        OTEL_SERVICE_NAME: 'switchboard-eu',
      }).tracing,
    ).toEqual({
      tracesUrl: 'https://traces.example.com/otlp',
      protocol: 'http/json',
      serviceName: 'switchboard-eu',
    });
  });

  it('is off when the SDK or the traces exporter is disabled', () => {
    const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };
    expect(loadConfig({ ...endpoint, OTEL_SDK_DISABLED: 'true' }).tracing).toBeNull();
    expect(loadConfig({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' }).tracing).toBeNull();
  });

  it('names the variable that is wrong', () => {
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' })).toThrow(
      new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT must be an http(s) URL'),
    );
    expect(() =>
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4317',
        OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc',
      }),
    ).toThrow(/^OTEL_EXPORTER_OTLP_PROTOCOL must be http\/protobuf or http\/json/);
  });
});
