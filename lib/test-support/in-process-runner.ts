// A runner served in-process over a MessageChannel, standing in for the browser's worker in unit tests.
import { MessageChannel } from 'node:worker_threads';
import type { FromRunner, Port, ToRunner } from '../runner/runner-protocol';
import { serveRunner } from '../runner/serve-runner';

export function inProcessRunner() {
  const { port1, port2 } = new MessageChannel();
  serveRunner(port1 as unknown as Port<ToRunner, FromRunner>);
  port1.start();
  port2.start();
  return {
    port: port2 as unknown as Port<FromRunner, ToRunner>,
    terminate: () => {
      port1.close();
      port2.close();
    },
  };
}
