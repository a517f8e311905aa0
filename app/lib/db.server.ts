/**
 * Routes reach the process connection through this module: a `.server` file inside `app/`, which
 * the browser build replaces with an empty module. `db/client.server.ts` lies outside `app/`, so
 * imported straight from a route it would be bundled for the browser whenever tree-shaking does
 * not remove it (as in `npm run dev`).
 */
export { getDb } from "../../db/client.server";
