// The bundled examples: saved playgrounds that run offline with the replay model.
import { parsePlayground, formatProblems } from '../parse-playground';
import type { Playground } from '../schema';
import warmestCity from './warmest-city.json';
import weatherToolCalls from './weather-tool-calls.json';
import topProducts from './top-products.json';
import libraryTeam from './library-team.json';
import toolFaultRetry from './tool-fault-retry.json';

export interface Example {
  id: string;
  playground: Playground;
}

const RAW: Record<string, unknown> = {
  'warmest-city': warmestCity,
  'top-products': topProducts,
  'weather-tool-calls': weatherToolCalls,
  'library-team': libraryTeam,
  'tool-fault-retry': toolFaultRetry,
};

export const EXAMPLES: Example[] = Object.entries(RAW).map(([id, raw]) => {
  const result = parsePlayground(raw);
  if (!result.ok) throw new Error(`bundled example '${id}' is invalid:\n${formatProblems(result.problems)}`);
  return { id, playground: result.playground };
});

export function findExample(id: string): Example | undefined {
  return EXAMPLES.find((e) => e.id === id);
}
