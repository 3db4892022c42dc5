import { api, unwrap } from "../../../lib/api-client";

const query = (unit: string | null) => ({ query: unit ? { unit } : {} });

export const getInterviewerDays = (unit: string | null) => unwrap(api["field-progress"].interviewers.$get(query(unit)));

export const getUnitProgress = (unit: string | null) => unwrap(api["field-progress"].units.$get(query(unit)));

export const getDevices = (unit: string | null) => unwrap(api["field-progress"].devices.$get(query(unit)));
