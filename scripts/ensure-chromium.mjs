// Makes sure Debian's Chromium is there for the browser tests; never downloads a browser of its own.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

if (!existsSync(CHROMIUM)) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (isRoot && hasApt) {
    console.log(`Chromium not found at ${CHROMIUM}: installing Debian's chromium package…`);
    execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-q', 'chromium'], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } else {
    console.error(
      `The browser tests need Chromium at ${CHROMIUM}.\n` +
        `On Debian or Ubuntu run, as root:  apt-get update && apt-get install -y chromium\n` +
        `Elsewhere install Chromium and set CHROMIUM_PATH to its executable.`,
    );
    process.exit(1);
  }
}
