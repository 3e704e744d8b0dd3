// Next's request proxy (formerly middleware): gives each page answer a fresh nonce and the Content-Security-Policy
// that only lets scripts with that nonce run. Next reads the nonce from the request's CSP header and puts it on its
// own scripts.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, isEmbedPath, newNonce } from './lib/security/content-security-policy';

export function proxy(request: NextRequest) {
  // The embed of a published run may be framed by any site; every other page by none.
  const policy = contentSecurityPolicy(newNonce(), { development: process.env.NODE_ENV === 'development', embed: isEmbedPath(request.nextUrl.pathname) });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  // Pages only: API answers and static files carry no HTML to protect (every answer still gets nosniff and
  // no-referrer from next.config.mjs).
  matcher: [{ source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)' }],
};
