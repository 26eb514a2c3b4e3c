package dev.migsafe.internal.lint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Runs tasks one after the other on a thread of its own, in the order they were handed over,
 * so that lint judges one file with the rule base while it reads and analyses the next: the
 * two halves are about the same size, and a short lint's time is mostly code the JVM runs for
 * the first time, which two threads run side by side. At most {@link #IN_FLIGHT} tasks wait,
 * so that the facts handed over stay few. What a task throws is thrown by the next
 * {@link #submit} or {@link #drain} after it, as it was thrown.
 */
final class JudgingThread implements AutoCloseable {
  static final int IN_FLIGHT = 16;

  private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "migsafe-lint-rules");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore room = new Semaphore(IN_FLIGHT);
  private final Deque<Future<?>> pending = new ArrayDeque<>();
  /** Written and read on the judging thread only. */
  private boolean failed;

  /** Queues a task, after waiting for room; first throws what a finished task threw. */
  void submit(Runnable task) {
    reapFinished();
    room.acquireUninterruptibly();
    pending.add(thread.submit(() -> {
      try {
        // After a failure nothing more is judged, as when one thread did both.
        if (!failed) {
          task.run();
        }
      } catch (RuntimeException | Error e) {
        failed = true;
        throw e;
      } finally {
        room.release();
      }
    }));
  }

  /** Waits for every task handed over, and throws what the first that failed threw. */
  void drain() {
    while (!pending.isEmpty()) {
      await(pending.poll());
    }
  }

  private void reapFinished() {
    while (!pending.isEmpty() && pending.peek().isDone()) {
      await(pending.poll());
    }
  }

  private static void await(Future<?> f) {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          f.get();
          return;
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          if (e.getCause() instanceof RuntimeException r) {
            throw r;
          }
          if (e.getCause() instanceof Error err) {
            throw err;
          }
          throw new IllegalStateException(e.getCause());
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Stops the thread; tasks not yet run are dropped (after a failure, nothing more is judged). */
  @Override
  public void close() {
    thread.shutdownNow();
  }
}
