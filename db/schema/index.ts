export * from "./auth";
export * from "./ideas";
export * from "./delivery";
export * from "./ceremonies";
export * from "./threads-and-docs";
