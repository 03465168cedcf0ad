export * from "./enums";
export * from "./auth";
export * from "./organisations";
export * from "./programmes";
export * from "./participation";
export * from "./partners";
export * from "./pairing";
export * from "./system";
