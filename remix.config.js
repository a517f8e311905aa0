import { flatRoutes } from "remix-flat-routes";

/**
 * Routes are grouped by area in folders (remix-flat-routes): `_auth+/`, `_ideas+/` and
 * `_delivery+/` add nothing to the URL, `admin+/` and `api+/v1+/` add their own name.
 *
 * @type {import('@remix-run/dev').AppConfig}
 */
export default {
  // Every route comes from flatRoutes below, none from Remix's own convention.
  ignoredRouteFiles: ["**/*"],
  routes: async (defineRoutes) => flatRoutes("routes", defineRoutes, { ignoredRouteFiles: ["**/.*"] }),
  serverModuleFormat: "esm",
  serverDependenciesToBundle: [],
  future: {
    v3_fetcherPersist: true,
    v3_relativeSplatPath: true,
    v3_throwAbortReason: true,
  },
};
