/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

/** React's web-stream server renderer (the same API as react-dom/server's, for the web's streams). */
declare module "react-dom/server.browser" {
  export { renderToReadableStream } from "react-dom/server";
}
