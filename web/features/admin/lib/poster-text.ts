/**
 * What a printed poster says of its place and link. Pure, so the rules are unit-tested.
 *
 * @example
 * posterPlace("大渡口区 大渡口区实验小学") // "大渡口区实验小学"
 * posterLink("https://wenming.example.cn/q/abc.def") // { head: "wenming.example.cn/q/", token: "abc.def" }
 */

/**
 * The unit's full name without a level its child already names: a school called 大渡口区实验小学
 * sits under 大渡口区, and "大渡口区 大渡口区实验小学" reads as a misprint.
 */
export function posterPlace(fullName: string): string {
  const parts = fullName.split(/\s+/).filter(Boolean);
  return parts.filter((p, i) => !parts.slice(i + 1).some((later) => later.startsWith(p))).join(" ");
}

/**
 * The link as printed: without the scheme (a phone's camera reads the QR; the text is for typing),
 * split after "/q/" so the only place it may break is there, never inside the host or the token.
 */
export function posterLink(url: string): { head: string; token: string } {
  const bare = url.replace(/^https?:\/\//, "");
  const at = bare.lastIndexOf("/q/");
  return at < 0 ? { head: "", token: bare } : { head: bare.slice(0, at + 3), token: bare.slice(at + 3) };
}
