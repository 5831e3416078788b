import * as assert from 'node:assert/strict';
import { cpuPercent, sparkline, StatsHistory } from '../../../src/model/stats';
import type { StatsFrame } from '../../../src/model/types';

const frame = (at: number, over: Partial<StatsFrame> = {}): StatsFrame => ({
  readAt: at, cpuTotal: 0, preCpuTotal: 0, systemCpu: 0, preSystemCpu: 0, onlineCpus: 2,
  memoryUsage: 0, memoryLimit: 0, netRx: 0, netTx: 0, blockRead: 0, blockWrite: 0, pids: 0, ...over,
});

describe('model/stats', () => {
  it('CPU % is the container\'s share of host CPU time since the previous frame, times the CPUs', () => {
    assert.equal(cpuPercent(frame(0, { cpuTotal: 300, preCpuTotal: 100, systemCpu: 2000, preSystemCpu: 1000 })), 40);
    // The first frame has no previous one: 0, not a spike.
    assert.equal(cpuPercent(frame(0, { cpuTotal: 300, systemCpu: 2000, preSystemCpu: 2000 })), 0);
  });

  it('keeps the last window of samples and gives rates between frames', () => {
    const h = new StatsHistory(60_000);
    h.push(frame(0, { netRx: 1000, blockWrite: 0, memoryUsage: 50, memoryLimit: 200, pids: 3 }));
    h.push(frame(1000, { netRx: 3000, blockWrite: 4000, memoryUsage: 100, memoryLimit: 200, pids: 4, cpuTotal: 50, preCpuTotal: 0, systemCpu: 100, preSystemCpu: 0 }));
    const v = h.view()!;
    assert.equal(v.cpu, '100.0 %');
    assert.equal(v.memory, '100 B / 200 B (50.0 %)');
    assert.equal(v.net, '↓ 3 kB (2 kB/s) · ↑ 0 B (0 B/s)');
    assert.equal(v.block, 'read 0 B (0 B/s) · write 4 kB (4 kB/s)');
    assert.equal(v.pids, '4');
    h.push(frame(61_000, { memoryUsage: 100 }));
    assert.deepEqual(h.samples.map((s) => s.at), [1000, 61_000], 'older than a minute is dropped');
  });

  it('draws a sparkline in a 100×20 box, newest at the right', () => {
    assert.equal(sparkline([{ at: 0, value: 0 }, { at: 30_000, value: 50 }, { at: 60_000, value: 100 }], 60_000, 60_000, 100), '0,20 50,10 100,0');
    assert.equal(sparkline([{ at: 60_000, value: 500 }], 60_000, 60_000, 100), '100,0', 'clamped to the box');
    assert.equal(sparkline([], 0, 60_000, 100), '');
  });
});
