/**
 * Issue 19: the masking rules every export and list uses (server/services/privacy/mask.ts).
 * Written examples for each shape people type, and generated text that must never keep a whole
 * phone or identity number nor change anything else.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { maskAnswerValue, maskCoordinates, maskHousehold, maskPersonalFields, maskText } from "../../server/services/privacy/mask";

describe("maskText", () => {
  it.each([
    ["我的电话13800138000，请联系", "我的电话138****8000，请联系"],
    ["手机 138 0013 8000", "手机 138****8000"],
    ["手机138-0013-8000", "手机138****8000"],
    ["+8613912345678", "+86139****5678"],
    ["86 199 1234 5678 找王先生", "86 199****5678 找王先生"],
    ["座机023-68881234", "座机023-****1234"],
    ["(023)6888 1234", "(023)****1234"],
    ["微信wx13800138000", "微信wx138****8000"],
    ["010 12345678", "010 ****5678"],
    ["08316881234转总机", "0831-****1234转总机"],
    ["身份证500104199001011234", "身份证500104********1234"],
    ["证件号 50010419900101123X 已登记", "证件号 500104********123X 已登记"],
    ["老证号500104900101123", "老证号500104******123"],
    ["两个号码13800138000和13900139000", "两个号码138****8000和139****9000"],
  ])("masks %s", (input, masked) => {
    expect(maskText(input)).toBe(masked);
  });

  it.each([
    "小区垃圾清运不及时",
    "停车位太少，100%占满",
    "2026-11-20 下午三点",
    "单位代码500104001001",
    "12345678901", // 11 digits that are not a mobile (12…)
    "1380013800", // one digit short
    "138001380001", // one digit too many
    "已访户数 350，完成 120",
  ])("leaves %s as it is", (input) => {
    expect(maskText(input)).toBe(input);
  });

  const mobile = fc.tuple(fc.constantFrom(..."3456789"), fc.stringMatching(/^\d{9}$/)).map(([second, rest]) => `1${second}${rest}`);
  const identity = fc.tuple(fc.stringMatching(/^\d{17}$/), fc.constantFrom(..."0123456789X")).map(([digits, last]) => `${digits}${last}`);
  const words = fc.string({ unit: fc.constantFrom(..."的地址小区楼栋请联系电话，。 abc") });

  it("never leaves a whole mobile or identity number in generated text, and keeps the rest", () => {
    fc.assert(
      fc.property(words, fc.oneof(mobile, identity), words, (before, number, after) => {
        const masked = maskText(`${before}${number}${after}`);
        expect(masked).not.toContain(number);
        expect(masked.startsWith(before)).toBe(true);
        expect(masked.endsWith(after)).toBe(true);
        // The kept digits: 3 + 4 of a mobile, 6 + 4 of an identity number.
        const kept =
          number.length === 11 ? `${number.slice(0, 3)}****${number.slice(-4)}` : `${number.slice(0, 6)}********${number.slice(-4)}`;
        expect(masked).toBe(`${before}${kept}${after}`);
      }),
    );
  });

  it("changes nothing in text without digits, and masking twice is masking once", () => {
    fc.assert(
      fc.property(words, (text) => {
        expect(maskText(text)).toBe(text);
      }),
    );
    fc.assert(
      fc.property(words, mobile, identity, (w, m, id) => {
        const once = maskText(`${w}${m} ${id}${w}`);
        expect(maskText(once)).toBe(once);
      }),
    );
  });
});

describe("maskHousehold", () => {
  it.each([
    ["3栋2单元401", "3栋****"],
    ["幸福小区12号楼3-201", "12号楼****"],
    ["张三家 5 栋 301", "5栋****"],
    ["A座1203", "A座****"],
    ["三幢二单元", "三幢****"],
    ["5-2-301", "5-****"],
    ["张家", "****"],
    ["匿名户-5f1c0a9e73b2d4c6", "匿名户-5f1c0a9e73b2d4c6"],
  ])("%s → %s", (label, masked) => {
    expect(maskHousehold(label)).toBe(masked);
  });
});

describe("maskCoordinates and maskPersonalFields", () => {
  it("keeps a position to about 1 km and drops its accuracy", () => {
    expect(maskCoordinates({ latitude: 29.484123, longitude: 106.486789, accuracyM: 8 })).toEqual({
      latitude: 29.48,
      longitude: 106.49,
      accuracyM: null,
    });
    expect(maskCoordinates({ latitude: null, longitude: null })).toEqual({ latitude: null, longitude: null });
  });

  it("masks household, position and accuracy by key, however deep, and nothing else", () => {
    const state = {
      kind: "visit",
      household: "3栋2单元501",
      reason: "录错了",
      nested: [{ latitude: 29.4849, longitude: 106.4861, accuracyM: 5 }],
    };
    expect(maskPersonalFields(state)).toEqual({
      kind: "visit",
      household: "3栋****",
      reason: "录错了",
      nested: [{ latitude: 29.48, longitude: 106.49, accuracyM: null }],
    });
  });
});

describe("maskAnswerValue", () => {
  it("masks strings at any depth and numbers whose digits are a phone, and leaves choice codes and counts", () => {
    expect(
      maskAnswerValue({
        suggestions: "联系13800138000",
        info_source: ["tv", "community"],
        household_size: 3,
        phone_box: 13912345678,
        matrix: { row1: "500104199001011234" },
        knows_campaign: "yes",
        ok: true,
      }),
    ).toEqual({
      suggestions: "联系138****8000",
      info_source: ["tv", "community"],
      household_size: 3,
      phone_box: "139****5678",
      matrix: { row1: "500104********1234" },
      knows_campaign: "yes",
      ok: true,
    });
  });
});
