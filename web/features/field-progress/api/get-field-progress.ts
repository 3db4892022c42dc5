import { API_BASE } from "../../../lib/api-client";
import { apiRequest } from "../../../lib/http";
import type { DeviceRow, InterviewerDay, UnitProgress } from "../types";

const query = (unit: string | null) => (unit ? `?unit=${encodeURIComponent(unit)}` : "");

export const getInterviewerDays = (unit: string | null) =>
  apiRequest<{ unit: { code: string; name: string }; rows: InterviewerDay[] }>(`${API_BASE}/field-progress/interviewers${query(unit)}`);

export const getUnitProgress = (unit: string | null) =>
  apiRequest<{ unit: { code: string; name: string }; totals: UnitProgress; rows: (UnitProgress & { unit: { code: string; name: string; kind: string } })[] }>(
    `${API_BASE}/field-progress/units${query(unit)}`,
  );

export const getDevices = (unit: string | null) =>
  apiRequest<{ unit: { code: string; name: string }; rows: DeviceRow[] }>(`${API_BASE}/field-progress/devices${query(unit)}`);
