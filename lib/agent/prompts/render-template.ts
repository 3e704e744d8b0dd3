// A tiny template language for the prompt files: {{name}} substitutes, {{#if name}}…{{/if}} keeps a block
// only when the value is a non-empty string. Deliberately no logic beyond that.

export type TemplateValues = Record<string, string | undefined>;

export function renderTemplate(template: string, values: TemplateValues): string {
  const withBlocks = template.replace(
    /\{\{#if (\w+)\}\}\n?([\s\S]*?)\{\{\/if\}\}\n?/g,
    (_, name: string, body: string) => (values[name] ? body : ''),
  );
  return withBlocks.replace(/\{\{(\w+)\}\}/g, (match, name: string) => {
    if (!(name in values)) throw new Error(`prompt template uses {{${name}}}, which has no value`);
    return values[name] ?? '';
  });
}
