// The small part of mvdan-sh (GopherJS build of mvdan.cc/sh/v3/syntax) we use. The package ships no
// types; nodes are Go structs seen through GopherJS, so only the fields we read are declared.
declare module 'mvdan-sh' {
  export interface ShPos { Offset(): number; Line(): number; Col(): number }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- GopherJS objects: fields differ per Go type
  export interface ShNode { Pos(): ShPos; End(): ShPos; [field: string]: any }
  export interface ShFile extends ShNode { Stmts: ShNode[] }
  export interface ShParser { Parse(src: string, name: string): ShFile }
  export const syntax: {
    NewParser(...options: unknown[]): ShParser;
    NodeType(node: ShNode): string;
    Walk(node: ShNode, visit: (node: ShNode | null) => boolean): void;
    Variant(lang: unknown): unknown;
    LangBash: unknown;
    LangPOSIX: unknown;
  };
}
