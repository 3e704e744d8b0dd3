export * from './types';
export { truncateMiddle } from './truncate';
export { rewriteSnippet, SnippetError, IMPORTS_UNAVAILABLE, type RewrittenSnippet } from './rewrite-snippet';
export { createQuickJSExecutor, QuickJSExecutor, type QuickJSExecutorOptions } from './quickjs/quickjs-executor';
export { loadQuickJS } from './quickjs/load-quickjs';
