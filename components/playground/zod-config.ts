// zod compiles fast parsers with `Function` when it may; the page's Content-Security-Policy forbids eval, so zod is
// told not to try (its probe would be reported as a violation). Imported first by the page's entry, so it runs before
// any schema is built or used.
import { z } from 'zod';

z.config({ jitless: true });
