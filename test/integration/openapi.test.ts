import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { beforeAll, describe, expect, it } from "vitest";
import * as openApiRoute from "../../app/routes/api+/v1+/openapi[.]json";
import { allowedMethods, apiTableOf, METHODS } from "../../app/web/api.server";
import { callRoute, freshApiDb } from "../support/api-routes";

const routeDir = resolve(import.meta.dirname, "..", "..", "app", "routes", "api+", "v1+");

/** `projects.$id.calendar[.]ics.ts` → `/projects/{id}/calendar.ics`, as remix-flat-routes reads it. */
function pathOf(file: string): string {
  return "/" + file.replace(/\.tsx?$/, "").replace(/\[\.\]/g, "\u0000").split(".").map((part) => part.replace(/\u0000/g, ".")).map((part) => (part.startsWith("$") ? `{${part.slice(1)}}` : part)).join("/");
}

type Doc = {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { summary?: string; security?: unknown[]; requestBody?: { content: Record<string, { schema: object }> }; responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
  components: { schemas: Record<string, object>; securitySchemes: Record<string, object> };
};

let doc: Doc;
beforeAll(async () => {
  freshApiDb();
  const response = await callRoute(openApiRoute, "GET", "/openapi.json");
  expect(response.status).toBe(200);
  doc = await response.json();
});

describe("GET /api/v1/openapi.json", () => {
  it("lists every route file under app/routes/api+/v1+ with every method it serves", async () => {
    const files = readdirSync(routeDir).filter((f) => /\.tsx?$/.test(f) && f !== "$.ts");
    expect(files.length).toBeGreaterThan(30);
    const missing: string[] = [];
    for (const file of files) {
      const module = (await import(join(routeDir, file))) as { loader: unknown };
      const table = apiTableOf(module.loader);
      expect(table, `${file} is built with apiRoute`).toBeDefined();
      const item = doc.paths[pathOf(file)];
      for (const method of METHODS.filter((m) => table![m])) {
        const op = item?.[method.toLowerCase()];
        if (!op || !op.summary) missing.push(`${method} ${pathOf(file)}`);
      }
      expect(item?.options, `${pathOf(file)} documents OPTIONS`).toBeDefined();
      expect(allowedMethods(table!)).toContain("OPTIONS");
    }
    expect(missing).toEqual([]);
    // Nothing listed that no route serves.
    const served = new Set(files.map(pathOf));
    expect(Object.keys(doc.paths).filter((p) => !served.has(p))).toEqual([]);
  });

  it("is structurally valid OpenAPI 3.1: every $ref resolves and every schema compiles as JSON Schema 2020-12", () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    const refs: string[] = [];
    const walk = (node: unknown) => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === "object") {
        for (const [key, value] of Object.entries(node)) {
          if (key === "$ref" && typeof value === "string") refs.push(value);
          else walk(value);
        }
      }
    };
    walk(doc);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.startsWith("#/"), ref).toBe(true);
      const target = ref.slice(2).split("/").reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, `${ref} resolves`).toBeDefined();
    }
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ $id: "openapi.json", components: doc.components });
    let compiled = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(Object.keys(op.responses).length, `${method} ${path} has answers`).toBeGreaterThan(0);
        const schemas = [op.requestBody?.content["application/json"]?.schema, ...Object.values(op.responses).map((r) => r.content?.["application/json"]?.schema)];
        for (const schema of schemas.filter(Boolean)) {
          const rebased = JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi.json#/components/'));
          expect(() => ajv.compile(rebased), `${method} ${path}`).not.toThrow();
          compiled++;
        }
      }
    }
    expect(compiled).toBeGreaterThan(60);
  });

  it("names the bearer scheme, opens only the public calls, and gives every error the one envelope", () => {
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: "http", scheme: "bearer" });
    expect(doc.paths["/tokens"].post.security).toEqual([]);
    expect(doc.paths["/openapi.json"].get.security).toEqual([]);
    expect(doc.paths["/me"].get.security).toBeUndefined();
    expect(doc.paths["/me"].get.responses["401"].content!["application/json"].schema).toEqual({ $ref: "#/components/schemas/Error" });
    const storyBody = doc.paths["/projects/{id}/stories"].post.requestBody!.content["application/json"].schema as { properties: Record<string, { type?: unknown }> };
    expect(storyBody.properties.points.type).toEqual(["number", "null"]);
    expect(doc.paths["/projects/{id}/stories"].post.responses["422"]).toBeDefined();
  });
});
