/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The sandbox libraries are plain ESM with a wasm asset; Turbopack bundles them as they are.
  turbopack: {
    rules: {
      // `import text from './kernel.cjs?raw'` is the file's text (the kernel program the WebContainer runs), as in
      // Vite; Turbopack has no built-in `?raw`, the rule gives it one.
      '*.cjs': { condition: { query: '?raw' }, type: 'text' },
    },
  },
  async headers() {
    return [
      {
        // Cross-origin isolation, needed later by the WebContainer sandbox; harmless for QuickJS.
        source: '/:path*',
        headers: [
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
          { key: 'Cross-Origin-Embedder-Policy', value: 'require-corp' },
          // On every answer, API and static files included: no content sniffing, and no Referer to anyone.
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
      {
        // The embed of a published run sits in other sites' iframes: a page that is itself cross-origin isolated
        // (COEP require-corp) may load it only when it says it may be loaded cross-origin.
        source: '/embed/:path*',
        headers: [{ key: 'Cross-Origin-Resource-Policy', value: 'cross-origin' }],
      },
    ];
  },
};

export default nextConfig;
