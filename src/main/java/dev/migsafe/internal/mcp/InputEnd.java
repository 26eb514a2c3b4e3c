package dev.migsafe.internal.mcp;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/**
 * Standard input, watched for its end. A stdio MCP server lives as long as its client keeps
 * standard input open (the specification's shutdown for stdio is closing it); the SDK reads
 * it on its own thread, so the end is seen here and handed to the thread that waits. The SDK's
 * transport ends the session at that point and answers nothing more, so the process ends too:
 * a request still running when the input closed gets no answer.
 */
final class InputEnd extends FilterInputStream {
  private final CountDownLatch ended = new CountDownLatch(1);

  InputEnd(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    return watch(() -> super.read());
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    return watch(() -> super.read(b, off, len));
  }

  /** Blocks until standard input has ended or failed. */
  void await() throws InterruptedException {
    ended.await();
  }

  private interface Read {
    int run() throws IOException;
  }

  private int watch(Read read) throws IOException {
    try {
      int n = read.run();
      if (n < 0) {
        ended.countDown();
      }
      return n;
    } catch (IOException e) {
      ended.countDown();
      throw e;
    }
  }
}
