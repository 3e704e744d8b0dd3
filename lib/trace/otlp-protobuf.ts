// The OTLP export as protobuf (`application/x-protobuf`, what Phoenix's /v1/traces takes), written by OpenTelemetry's
// own serializer (@opentelemetry/otlp-transformer) from the spans otlp.ts builds. Works in the browser and in Node.
import type { Attributes, AttributeValue, HrTime } from '@opentelemetry/api';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import type { OtlpAttribute, OtlpExport, OtlpValue } from './otlp';

export function otlpProtobuf(otlp: OtlpExport): Uint8Array {
  const spans: ReadableSpan[] = [];
  for (const resourceSpans of otlp.resourceSpans) {
    // The serializer groups spans by the identity of their resource and scope objects: one of each per group.
    const resource = resourceFromAttributes(attributesOf(resourceSpans.resource.attributes));
    for (const scopeSpans of resourceSpans.scopeSpans) {
      const scope = { name: scopeSpans.scope.name, version: scopeSpans.scope.version };
      for (const span of scopeSpans.spans) {
        const context = { traceId: span.traceId, spanId: span.spanId, traceFlags: 1 };
        const startTime = hrTime(span.startTimeUnixNano);
        const endTime = hrTime(span.endTimeUnixNano);
        spans.push({
          name: span.name,
          // OTLP counts from 1 (internal), the API from 0.
          kind: span.kind - 1,
          spanContext: () => context,
          ...(span.parentSpanId ? { parentSpanContext: { traceId: span.traceId, spanId: span.parentSpanId, traceFlags: 1 } } : {}),
          startTime,
          endTime,
          duration: hrTime((BigInt(span.endTimeUnixNano) - BigInt(span.startTimeUnixNano)).toString()),
          ended: true,
          status: { code: span.status.code, ...(span.status.message ? { message: span.status.message } : {}) },
          attributes: attributesOf(span.attributes),
          links: [],
          events: [],
          resource,
          instrumentationScope: scope,
          droppedAttributesCount: 0,
          droppedEventsCount: 0,
          droppedLinksCount: 0,
        });
      }
    }
  }
  return ProtobufTraceSerializer.serializeRequest(spans) ?? new Uint8Array();
}

function hrTime(nanos: string): HrTime {
  const n = BigInt(nanos);
  return [Number(n / 1_000_000_000n), Number(n % 1_000_000_000n)];
}

function attributesOf(attributes: readonly OtlpAttribute[]): Attributes {
  const result: Attributes = {};
  for (const a of attributes) result[a.key] = plain(a.value);
  return result;
}

function plain(value: OtlpValue): AttributeValue {
  if ('stringValue' in value) return value.stringValue;
  if ('intValue' in value) return Number(value.intValue);
  if ('doubleValue' in value) return value.doubleValue;
  if ('boolValue' in value) return value.boolValue;
  return value.arrayValue.values.map((v) => ('stringValue' in v ? v.stringValue : String(plain(v))));
}
