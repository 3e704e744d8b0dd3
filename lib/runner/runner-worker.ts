// The runner worker's entry: agents run here so a busy sandbox never freezes the page, and Stop can always end it.
import { serveRunner } from './serve-runner';
import type { FromRunner, Port, ToRunner } from './runner-protocol';

serveRunner(self as unknown as Port<ToRunner, FromRunner>);
