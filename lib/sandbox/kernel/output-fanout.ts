// A process's output handed to listeners; what arrives before the first listener is kept and given to it.
export interface OutputFanout {
  emit(chunk: string): void;
  onOutput(listener: (chunk: string) => void): () => void;
}

export function createOutputFanout(): OutputFanout {
  const listeners = new Set<(chunk: string) => void>();
  let early: string[] | undefined = [];
  return {
    emit(chunk) {
      if (early) early.push(chunk);
      else for (const listener of listeners) listener(chunk);
    },
    onOutput(listener) {
      listeners.add(listener);
      if (early) {
        const chunks = early;
        early = undefined;
        for (const chunk of chunks) listener(chunk);
      }
      return () => listeners.delete(listener);
    },
  };
}
