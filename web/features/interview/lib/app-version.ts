/** Reported in heartbeats so offices can see tablets running an old build. */
export const APP_VERSION = "1.0.0";
