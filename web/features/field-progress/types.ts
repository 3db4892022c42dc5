/** Shapes of GET /api/v1/field-progress/* (server/routes/field-progress.ts). */
export interface OutcomeCounts {
  visits: number;
  completed: number;
  refused: number;
  notHome: number;
  vacant: number;
  responseRate: number | null;
}

export interface InterviewerDay extends OutcomeCounts {
  interviewer: string;
  day: string;
}

export interface UnitProgress extends OutcomeCounts {
  households: number | null;
  visitedHouseholds: number;
  coverage: number | null;
}

export interface DeviceRow {
  deviceId: string;
  username: string;
  pending: number;
  needsAttention: number;
  appVersion: string | null;
  lastSyncAt: string | null;
  lastHeartbeatAt: string;
}
