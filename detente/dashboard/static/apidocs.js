/* The offline API docs page: the operations of /openapi.json as text (no CDN, no swagger-ui). */
"use strict";

(function () {
  function node(tag, text, className) {
    const n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (className) n.className = className;
    return n;
  }

  function schemaText(schema) {
    if (!schema) return "";
    if (schema.$ref) return schema.$ref.split("/").pop();
    if (schema.anyOf || schema.oneOf) return (schema.anyOf || schema.oneOf).map(schemaText).join(" | ");
    if (schema.enum) return schema.enum.join(" | ");
    if (schema.type === "array") return `array of ${schemaText(schema.items)}`;
    return schema.type || "object";
  }

  async function init() {
    const box = document.getElementById("operations");
    const spec = await (await fetch("/openapi.json")).json();
    box.replaceChildren();
    box.append(node("p", `${spec.info.title} ${spec.info.version}: ${spec.info.description || ""}`));
    for (const [path, methods] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        const section = node("section", null, "operation");
        section.append(node("h2", `${method.toUpperCase()} ${path}`));
        if (op.summary) section.append(node("p", op.summary, "summary"));
        if (op.description) section.append(node("p", op.description));
        const params = op.parameters || [];
        if (params.length) {
          const table = node("table");
          const head = node("tr");
          for (const h of ["parameter", "in", "type", "required", "description"]) head.append(node("th", h));
          table.append(head);
          for (const p of params) {
            const tr = node("tr");
            for (const v of [p.name, p.in, schemaText(p.schema), p.required ? "yes" : "no", p.description || ""]) {
              tr.append(node("td", v));
            }
            table.append(tr);
          }
          section.append(table);
        }
        if (op.requestBody) {
          const content = op.requestBody.content || {};
          for (const [type, body] of Object.entries(content)) {
            section.append(node("p", `body (${type}): ${schemaText(body.schema)}`));
            section.append(node("pre", JSON.stringify(body.schema, null, 2)));
          }
        }
        const codes = Object.entries(op.responses || {}).map(([c, r]) => `${c} ${r.description || ""}`);
        section.append(node("p", `responses: ${codes.join("; ")}`, "responses"));
        box.append(section);
      }
    }
  }

  document.addEventListener("DOMContentLoaded", init);
})();
