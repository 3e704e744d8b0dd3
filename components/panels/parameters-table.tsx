// A tool's parameters as a table: name (? when optional), type, description (and a literal default); for the tools of
// the source and MCP tools alike.
export interface ParameterRow {
  name: string;
  typeText: string;
  description: string;
  optional: boolean;
  default?: unknown;
}

export function ParametersTable({ toolName, params }: { toolName: string; params: ParameterRow[] }) {
  if (params.length === 0) return null;
  return (
    <table className="mt-1 w-full text-left text-xs">
      <caption className="sr-only">Parameters of {toolName}</caption>
      <thead>
        <tr className="muted">
          <th scope="col" className="pr-2 font-medium">Parameter</th>
          <th scope="col" className="pr-2 font-medium">Type</th>
          <th scope="col" className="font-medium">Description</th>
        </tr>
      </thead>
      <tbody>
        {params.map((p) => (
          <tr key={p.name} className="align-top">
            <td className="pr-2 font-mono whitespace-nowrap">
              {p.name}
              {p.optional ? '?' : ''}
            </td>
            <td className="pr-2 font-mono break-words">{p.typeText}</td>
            <td>
              {p.description}
              {p.default !== undefined && <span className="muted"> (default {JSON.stringify(p.default)})</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
