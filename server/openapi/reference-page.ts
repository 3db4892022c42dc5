import type { OpenApiDocument } from "./document";

const METHODS = ["get", "put", "post", "patch", "delete"] as const;

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: unknown[];
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

interface Parameter {
  name?: string;
  in?: string;
  required?: boolean;
  description?: string;
  schema?: unknown;
  $ref?: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);

const schemaBlock = (schema: unknown) => `<pre>${escapeHtml(JSON.stringify(schema, null, 2))}</pre>`;

/** `#/components/parameters/X` and friends, resolved against the document (one level is all we emit). */
function resolveParameter(doc: OpenApiDocument, parameter: Parameter): Parameter {
  if (!parameter.$ref) return parameter;
  const name = parameter.$ref.split("/").pop() ?? "";
  return (doc.components?.parameters?.[name] as Parameter | undefined) ?? parameter;
}

function parametersTable(doc: OpenApiDocument, parameters: unknown[]): string {
  if (parameters.length === 0) return "";
  const rows = parameters.map((raw) => {
    const p = resolveParameter(doc, raw as Parameter);
    return (
      `<tr><td><code>${escapeHtml(p.name ?? "")}</code></td><td>${escapeHtml(p.in ?? "")}</td><td>${p.required ? "yes" : "no"}</td>` +
      `<td><code>${escapeHtml(JSON.stringify(p.schema ?? {}))}</code>${p.description ? ` ${escapeHtml(p.description)}` : ""}</td></tr>`
    );
  });
  return `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Required</th><th>Schema</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function operationSection(doc: OpenApiDocument, method: string, path: string, op: Operation): string {
  const parts = [`<h3 id="${escapeHtml(`${method}-${path}`)}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></h3>`];
  if (op.summary) parts.push(`<p>${escapeHtml(op.summary)}</p>`);
  if (op.description) parts.push(`<p>${escapeHtml(op.description)}</p>`);
  parts.push(parametersTable(doc, op.parameters ?? []));
  for (const [media, body] of Object.entries(op.requestBody?.content ?? {})) {
    parts.push(`<h4>Request body <code>${escapeHtml(media)}</code></h4>${body.schema ? schemaBlock(body.schema) : ""}`);
  }
  const responses = Object.entries(op.responses ?? {}).map(([status, response]) => {
    const media = Object.entries(response.content ?? {})
      .map(([type, content]) => ` <code>${escapeHtml(type)}</code>${content.schema ? schemaBlock(content.schema) : ""}`)
      .join("");
    return `<li><strong>${escapeHtml(status)}</strong> ${escapeHtml(response.description ?? "")}${media}</li>`;
  });
  parts.push(`<h4>Responses</h4><ul>${responses.join("")}</ul>`);
  return `<section>${parts.join("\n")}</section>`;
}

/**
 * The reference page for integrators: every operation of the document with its method, path,
 * summary, parameters and request/response schemas, grouped by tag. Plain HTML with a small
 * inline stylesheet (the CSP allows inline styles, no scripts), so it works offline and behind
 * the Great Firewall alike.
 *
 * @example c.html(renderReferencePage(await buildOpenApiDocument(api)))
 */
export function renderReferencePage(doc: OpenApiDocument): string {
  const byTag = new Map<string, string[]>();
  const index: string[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const tag = op.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), operationSection(doc, method, path, op)]);
      index.push(
        `<li><a href="#${escapeHtml(`${method}-${path}`)}"><code>${method.toUpperCase()} ${escapeHtml(path)}</code></a> ${escapeHtml(op.summary ?? "")}</li>`,
      );
    }
  }
  const sections = [...byTag].map(([tag, ops]) => `<h2>${escapeHtml(tag)}</h2>\n${ops.join("\n")}`);
  const schemas = Object.entries(doc.components?.schemas ?? {}).map(
    ([name, schema]) => `<h3 id="schema-${escapeHtml(name)}">${escapeHtml(name)}</h3>${schemaBlock(schema)}`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>创文问卷 API 参考 · API reference</title>
<style>
body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.5;color:#222}
pre{background:#f5f5f5;padding:.5rem;overflow:auto;font-size:.85rem}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left}
section{border-top:1px solid #ddd;margin-top:1.5rem}
</style>
</head>
<body>
<h1>创文问卷 API 参考 <small>API reference</small></h1>
<p>${escapeHtml(doc.info.description ?? "")}</p>
<p>Version ${escapeHtml(doc.info.version)} · OpenAPI ${escapeHtml(doc.openapi)} · the machine-readable document: <a href="/api/v1/openapi.json"><code>/api/v1/openapi.json</code></a></p>
<h2>Operations</h2>
<ul>${index.join("")}</ul>
${sections.join("\n")}
<h2>Schemas</h2>
${schemas.join("\n")}
</body>
</html>
`;
}
