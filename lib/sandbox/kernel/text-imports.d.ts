// `import text from './file?raw'`: the file's text as a string (see kernel-source.ts for who resolves it).
declare module '*?raw' {
  const text: string;
  export default text;
}
