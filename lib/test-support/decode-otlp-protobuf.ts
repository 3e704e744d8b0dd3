// Decodes an OTLP/protobuf trace request with the official opentelemetry-proto definitions (vendored beside this
// file) through protobufjs: a reader independent of the serializer that wrote the bytes. Tests only.
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import protobuf from 'protobufjs';

const PROTO_DIR = fileURLToPath(new URL('./opentelemetry-proto/', import.meta.url));

let requestType: protobuf.Type | undefined;

function exportTraceServiceRequest(): protobuf.Type {
  if (requestType) return requestType;
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => join(PROTO_DIR, target);
  root.loadSync('opentelemetry/proto/collector/trace/v1/trace_service.proto', { keepCase: false });
  requestType = root.lookupType('opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest');
  return requestType;
}

export interface DecodedValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string;
  doubleValue?: number;
  arrayValue?: { values?: DecodedValue[] };
}
export interface DecodedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes?: { key: string; value: DecodedValue }[];
  status?: { code?: string; message?: string };
}
export interface DecodedRequest {
  resourceSpans: { resource?: { attributes?: { key: string; value: DecodedValue }[] }; scopeSpans: { scope?: { name: string; version?: string }; spans: DecodedSpan[] }[] }[];
}

/** The request as plain JSON: ids as hex, 64-bit numbers as strings, enums by name. */
export function decodeOtlpProtobuf(bytes: Uint8Array): DecodedRequest {
  const type = exportTraceServiceRequest();
  const message = type.decode(bytes);
  const object = type.toObject(message, { longs: String, enums: String, bytes: String, defaults: false, arrays: true });
  return hexIds(object) as DecodedRequest;
}

/** protobufjs gives bytes as base64; OTLP/JSON (and people) read ids as hex. */
function hexIds(value: unknown, key?: string): unknown {
  if (typeof value === 'string' && (key === 'traceId' || key === 'spanId' || key === 'parentSpanId')) return Buffer.from(value, 'base64').toString('hex');
  if (Array.isArray(value)) return value.map((v) => hexIds(v));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hexIds(v, k)]));
  return value;
}

/** One attribute's value, unwrapped: a string, a number, a boolean or a list of strings. */
export function decodedAttr(span: DecodedSpan, key: string): string | number | boolean | string[] | undefined {
  const value = span.attributes?.find((a) => a.key === key)?.value;
  if (!value) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.boolValue !== undefined) return value.boolValue;
  return (value.arrayValue?.values ?? []).map((v) => v.stringValue ?? '');
}
