/** The part of saxen's API test/helpers/docx-reader.ts uses (the package ships no types). */
declare module "saxen" {
  export class Parser {
    on(event: "error", handler: (err: Error) => void): this;
    on(
      event: "openTag",
      handler: (name: string, attrs: () => Record<string, string>, decode: (s: string) => string, selfClosing: boolean) => void,
    ): this;
    on(event: "closeTag", handler: (name: string, decode: (s: string) => string, selfClosing: boolean) => void): this;
    on(event: "text", handler: (value: string, decode: (s: string) => string) => void): this;
    parse(xml: string): this;
  }
}
