import cliProgress from 'cli-progress';

/** A progress bar on stderr for long work; silent when stderr is not a terminal. */
export function progressBar(label: string): { update(done: number, total: number | null): void; stop(): void } {
  if (!process.stderr.isTTY) {
    return { update() {}, stop() {} };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% {value}/{total}`, stream: process.stderr, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      const t = total ?? Math.max(done, 1);
      if (!started) {
        bar.start(t, done);
        started = true;
      } else {
        bar.setTotal(t);
        bar.update(done);
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
