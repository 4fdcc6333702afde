import { cpus, loadavg, totalmem } from 'node:os';
import { chromiumVersion } from '../../browser/support/chromium-binary';

export interface MachineInfo {
  readonly browser: string;
  readonly node: string;
  readonly cores: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  /** 1, 5 and 15 minute load averages when the bench started (other work on the machine). */
  readonly loadAverageAtStart: readonly number[];
}

export async function machineInfo(): Promise<MachineInfo> {
  return {
    browser: await chromiumVersion(),
    node: process.version,
    cores: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    loadAverageAtStart: loadavg().map((l) => Math.round(l * 100) / 100),
  };
}
