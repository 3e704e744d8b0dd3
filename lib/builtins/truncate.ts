// Cuts a tool's text result to a size the model can take, saying how much was cut.
export function truncateWithNote(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.length - max;
  return `${text.slice(0, max)}\n\n[… ${cut.toLocaleString('en-US')} more characters cut: the page has ${text.length.toLocaleString('en-US')} characters and only the first ${max.toLocaleString('en-US')} are shown]`;
}
