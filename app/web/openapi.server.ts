import { z } from "zod";
import { allowedMethods, apiTableOf, METHODS, type Endpoint } from "./api.server";
import { ErrorEnvelopeSchema } from "./api-answers.server";

/**
 * The OpenAPI 3.1 document of `/api/v1`, built from the route tables of the one API mechanism:
 * each endpoint's summary, the zod schemas its body and query are validated with (as JSON
 * Schema 2020-12, their input side) and the shape of its answer. Errors share one schema.
 */

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const ERROR_REF = { $ref: "#/components/schemas/Error" };

/** The error answers an endpoint can give, by what it does. */
function errorStatuses(method: string, e: Endpoint, hasParams: boolean): Record<string, string> {
  const statuses: Record<string, string> = {};
  if (method !== "GET" && method !== "DELETE") statuses["400"] = "The body is not JSON, or not a JSON object.";
  if (e.auth || method === "POST") statuses["401"] = e.auth ? "No token, or a bad one." : "Wrong credentials.";
  if (e.auth) statuses["403"] = "The user's role does not allow this.";
  if (hasParams || e.auth) statuses["404"] = "No such resource, or not visible to this user.";
  if (method !== "GET") statuses["409"] = "A rule of state forbids it now.";
  if (e.body || e.input || e.query || method !== "GET") statuses["422"] = "Input fails validation; `fields` names each field with a message.";
  if (!e.auth && method === "POST") statuses["429"] = "Too many attempts; see Retry-After.";
  return statuses;
}

function queryParameters(schema: z.ZodType): JsonSchema[] {
  const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: "query",
    required: (object.required ?? []).includes(name),
    schema: property,
  }));
}

/** `get` + `/ideas/{key}/vote` → `getIdeasByKeyVote`. */
function operationId(method: string, path: string): string {
  return method.toLowerCase() + path.replace(/\{(\w+)\}/g, "by-$1").replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ""));
}

function pathParameters(path: string): JsonSchema[] {
  return [...path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
}

function operation(path: string, method: string, e: Endpoint): JsonSchema {
  const pathParams = pathParameters(path);
  const parameters = [...pathParams, ...(e.query ? queryParameters(e.query) : [])];
  const status = String(e.status ?? 200);
  const success: JsonSchema =
    status === "204"
      ? { description: "Done; no body." }
      : e.contentType
        ? { description: "The answer.", content: { [e.contentType]: { schema: { type: "string" } } } }
        : { description: "The answer.", content: { "application/json": { schema: e.response ? jsonSchema(e.response, "output") : {} } } };
  const responses: Record<string, JsonSchema> = { [status]: success };
  for (const [code, description] of Object.entries(errorStatuses(method, e, pathParams.length > 0))) {
    responses[code] = { description, content: { "application/json": { schema: ERROR_REF } } };
  }
  const requestSchema = e.body ?? e.input;
  return {
    operationId: operationId(method, path),
    summary: e.summary,
    ...(e.auth ? {} : { security: [] }),
    ...(parameters.length ? { parameters } : {}),
    ...(requestSchema ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(requestSchema, "input") } } } } : {}),
    responses,
  };
}

export function openApiDocument(routes: readonly { path: string; module: { loader: unknown } }[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const { path, module } of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    const table = apiTableOf(module.loader);
    if (!table) throw new Error(`${path} is not built with apiRoute`);
    const item: Record<string, JsonSchema> = {};
    for (const method of METHODS) {
      const e = table[method];
      if (e) item[method.toLowerCase()] = operation(path, method, e);
    }
    // HEAD and OPTIONS are answered by the mechanism itself for every path.
    item.options = {
      operationId: operationId("options", path),
      summary: `The methods this path answers (Allow: ${allowedMethods(table).join(", ")}).`,
      security: [],
      ...(path.includes("{") ? { parameters: pathParameters(path) } : {}),
      responses: { "204": { description: "No body; the Allow header lists the methods." } },
    };
    paths[path] = item;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sprintlab API",
      version: "1",
      description: "The JSON API of Sprintlab. Every non-2xx answer has the Error body. HEAD answers like GET without a body.",
    },
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    servers: [{ url: "/api/v1" }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "A personal access token from POST /tokens or the settings page." } },
      schemas: { Error: jsonSchema(ErrorEnvelopeSchema, "output") },
    },
  };
}
