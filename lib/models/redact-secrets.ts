// Keeps API keys out of anything shown, logged or saved: error messages from providers sometimes echo the key.

const KEY_LIKE = /\b(?:sk|pk|rk|hf|gsk|xai|sk-ant|sk-proj|sk-or)[-_][A-Za-z0-9_*.-]{8,}|\bAIza[0-9A-Za-z_-]{20,}/g;

export const HIDDEN = '[key hidden]';

/** Replaces each known secret, and anything shaped like a provider key, with a marker. */
export function redactSecrets(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) out = out.split(secret).join(HIDDEN);
  }
  return out.replace(KEY_LIKE, HIDDEN);
}
