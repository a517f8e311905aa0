export * from "./auth";
export * from "./ideas";
