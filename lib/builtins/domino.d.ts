// The one function of @mixmark-io/domino (turndown's own DOM) we use: its bundled types name the module 'domino'.
declare module '@mixmark-io/domino' {
  export function createDocument(html?: string, force?: boolean): Document;
}
