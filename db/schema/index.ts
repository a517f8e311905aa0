export * from "./auth";
export * from "./ideas";
export * from "./delivery";
