import { z } from "zod";

/** 12-digit 统计用区划代码 for admin units; any [0-9A-Za-z_-]{1,32} for schools. */
export const unitCodeSchema = z.string().regex(/^[0-9A-Za-z_-]{1,32}$/, "单位代码格式不正确");
