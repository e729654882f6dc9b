import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Debian's Chromium (apt-get install -y chromium), or CHROMIUM_PATH. */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...CANDIDATES].find((file): file is string => !!file && existsSync(file));
  if (!found) {
    throw new Error('Không tìm thấy Chromium: cài bằng "apt-get install -y chromium" (xem .ci/run) hoặc đặt biến CHROMIUM_PATH.');
  }
  return found;
}

/** Headless Chromium, quiet and self-contained (no background network, no sync). */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}
