// Preloaded (`node --import ./bench/rss-probe.mjs …`) into the child process of the RSS benchmark:
// when the process exits, writes one line to stderr with its peak resident set size
// (getrusage ru_maxrss, in KiB on Linux: the whole process, worker threads included), its wall
// time since start and its CPU time. No external tools; nothing else changes in the child.
import { writeSync } from 'node:fs';

process.on('exit', (code) => {
  const usage = process.resourceUsage();
  const report = {
    maxRssKiB: usage.maxRSS,
    wallSeconds: performance.now() / 1000,
    userSeconds: usage.userCPUTime / 1e6,
    systemSeconds: usage.systemCPUTime / 1e6,
    exitCode: code,
  };
  writeSync(2, `\nBENCH_RSS ${JSON.stringify(report)}\n`);
});
