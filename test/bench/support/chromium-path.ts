import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** Debian's Chromium binary (not the /usr/bin wrapper, which adds flags); CHROME_PATH overrides it. */
export const chromiumPath = process.env['CHROME_PATH'] ?? '/usr/lib/chromium/chromium';

/** "Chromium 156.0.8078.79", as the binary says it. */
export async function chromiumVersion(): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(chromiumPath, ['--version']);
    return stdout.trim();
  } catch {
    return 'unknown';
  }
}
