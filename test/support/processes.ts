// Whether a process still runs (signal 0 tests for it without touching it): the checks that a test left no
// server, editor or code-server behind.
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
