import { z } from "zod";
import { API_ROUTES } from "~/web/api-routes.server";
import { apiRoute, publicEndpoint } from "~/web/api.server";
import { openApiDocument } from "~/web/openapi.server";

let document: Record<string, unknown> | null = null;

/** The machine-readable description of every call (API.md), built once per process. */
const route = apiRoute({
  GET: publicEndpoint({
    summary: "This OpenAPI 3.1 document.",
    response: z.looseObject({ openapi: z.string(), info: z.looseObject({}), paths: z.looseObject({}) }),
    handler: () => (document ??= openApiDocument([...API_ROUTES, { path: "/openapi.json", module: route }])),
  }),
});

export const { loader, action } = route;
