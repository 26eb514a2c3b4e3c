package dev.migsafe.testing;

import java.util.concurrent.TimeUnit;

/** Waiting for processes that tests expect to end. */
public final class Processes {
  private Processes() {}

  /**
   * Whether the process has ended, allowing the init process a moment to reap it: until then
   * it lingers as a zombie, which counts as alive.
   */
  public static boolean gone(long pid) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(50);
    }
    return true;
  }
}
