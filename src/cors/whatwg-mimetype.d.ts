// whatwg-mimetype 5 exports `{ MIMEType }`; the @types/whatwg-mimetype installed beside it (v3,
// pulled in by happy-dom) still describes v3's `export =`. This describes the part the core uses.
declare module 'whatwg-mimetype' {
  export class MIMEType {
    static parse(input: string): MIMEType | null;
    readonly type: string;
    readonly subtype: string;
    readonly essence: string;
  }
}
