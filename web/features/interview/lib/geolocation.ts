/**
 * GPS where the tablet allows it and the interviewer agreed (issue 19: asked before any position
 * is recorded), never in the way: the last fix is kept and attached to a visit if it is recent;
 * asking never blocks saving. Until consent is given no position is requested, and withdrawing it
 * forgets the fix held, so a refused device records visits without coordinates.
 */
export interface Fix {
  latitude: number;
  longitude: number;
  accuracyM: number;
  at: number;
}

const MAX_AGE_MS = 10 * 60_000;
let last: Fix | null = null;
let allowed = false;

/** The consent step's answer (GpsConsent): true starts asking the tablet for positions. */
export function setGpsConsent(granted: boolean): void {
  allowed = granted;
  if (!granted) last = null;
}

export function requestFix(): void {
  if (!allowed) return;
  const geo = typeof navigator !== "undefined" ? navigator.geolocation : undefined;
  if (!geo) return;
  try {
    geo.getCurrentPosition(
      (p) => {
        // Consent may have been withdrawn while the tablet was still looking.
        if (!allowed) return;
        last = { latitude: p.coords.latitude, longitude: p.coords.longitude, accuracyM: p.coords.accuracy, at: Date.now() };
      },
      () => {
        // Denied or unavailable: visits are saved without a position.
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 120_000 },
    );
  } catch {
    // Some embedded browsers throw instead of calling the error callback.
  }
}

export function currentFix(): Fix | null {
  return allowed && last && Date.now() - last.at < MAX_AGE_MS ? last : null;
}

/**
 * A position kept earlier (an interview draft's, taken at the door) only while consent holds:
 * withdrawn in between, the visit goes without it.
 */
export function consentedFix<T>(kept: T | null | undefined): T | Fix | null {
  if (!allowed) return null;
  return kept ?? currentFix();
}
