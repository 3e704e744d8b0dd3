// Cutting long text for the model: keep the head and the tail, say what was cut.

/** Keeps `max` characters of `text`: the first and last halves, with a note of how much was cut between. */
export function truncateMiddle(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = Math.ceil(max / 2);
  const tail = Math.floor(max / 2);
  const cut = text.length - head - tail;
  return `${text.slice(0, head)}\n\n[… ${cut} characters cut from the middle: the output was ${text.length} characters, the limit is ${max} …]\n\n${text.slice(text.length - tail)}`;
}
