import { describe, expect, it } from "vitest";
import { posterLink, posterPlace } from "../../web/features/admin/lib/poster-text";

describe("poster text", () => {
  it("names a school once when its name already carries the district", () => {
    expect(posterPlace("大渡口区 大渡口区实验小学")).toBe("大渡口区实验小学");
    expect(posterPlace("大渡口区 育才小学")).toBe("大渡口区 育才小学");
    expect(posterPlace("大渡口区 新山村街道 民主社区")).toBe("大渡口区 新山村街道 民主社区");
    expect(posterPlace("綦江区 古南街道 古南街道社区")).toBe("綦江区 古南街道社区");
  });

  it("prints the link without its scheme, split only after /q/", () => {
    expect(posterLink("https://wenming.example.cn/q/abc.DEF-1_x")).toEqual({ head: "wenming.example.cn/q/", token: "abc.DEF-1_x" });
    expect(posterLink("http://127.0.0.1:8080/q/t")).toEqual({ head: "127.0.0.1:8080/q/", token: "t" });
    expect(posterLink("odd-link")).toEqual({ head: "", token: "odd-link" });
  });
});
