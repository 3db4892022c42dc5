/**
 * GPS where the tablet allows it, never in the way: the last fix is kept and attached to a visit
 * if it is recent; asking never blocks saving.
 */
export interface Fix {
  latitude: number;
  longitude: number;
  accuracyM: number;
  at: number;
}

const MAX_AGE_MS = 10 * 60_000;
let last: Fix | null = null;

export function requestFix(): void {
  const geo = typeof navigator !== "undefined" ? navigator.geolocation : undefined;
  if (!geo) return;
  try {
    geo.getCurrentPosition(
      (p) => {
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
  return last && Date.now() - last.at < MAX_AGE_MS ? last : null;
}
