package dev.migsafe.internal.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.migsafe.api.MigsafeException;
import dev.migsafe.testing.Fifo;
import java.io.IOException;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What {@link AtomicFiles} replaces, writes in place or refuses, and the modes it leaves. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a FIFO nobody opens
class AtomicFilesTest {
  @TempDir Path dir;

  @Test
  void aFifoReceivesTheContentAndStaysAFifo() throws Exception {
    Path fifo = Fifo.create(dir.resolve("out.fifo"));
    FutureTask<String> reader = Fifo.readInBackground(fifo);
    AtomicFiles.write(fifo, "through the pipe\n");
    assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("through the pipe\n");
    assertThat(Fifo.type(fifo, LinkOption.NOFOLLOW_LINKS)).isEqualTo(Fifo.S_IFIFO);
    assertThat(siblingsOf(fifo)).isEmpty();
  }

  @Test
  void aLinkToAFifoIsWrittenThroughAndStaysALink() throws Exception {
    // What /dev/stdout is when standard output is a pipe: a link to /proc/self/fd/1.
    Path fifo = Fifo.create(dir.resolve("pipe"));
    Path link = Files.createSymbolicLink(dir.resolve("stdout"), fifo);
    FutureTask<String> reader = Fifo.readInBackground(fifo);
    AtomicFiles.write(link, "behind a link\n");
    assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo("behind a link\n");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Fifo.type(fifo, LinkOption.NOFOLLOW_LINKS)).isEqualTo(Fifo.S_IFIFO);
  }

  @Test
  void standardOutputSentToAFileIsWrittenThereAndItsLinkKept() throws Exception {
    // A child writes to its own /proc/self/fd/1 (what /dev/stdout links to) while the shell
    // sent its standard output to a file, once with '>' and once with '>>'.
    assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "no /proc here");
    Path out = dir.resolve("out.txt");
    Files.writeString(out, "kept\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        WriteToStandardOutput.class.getName(), "written\n")
        .redirectOutput(ProcessBuilder.Redirect.appendTo(out.toFile()))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).isZero();
    assertThat(Files.readString(out)).isEqualTo("kept\nwritten\n");
  }

  /** The child of {@link #standardOutputSentToAFileIsWrittenThereAndItsLinkKept}. */
  public static final class WriteToStandardOutput {
    public static void main(String[] args) {
      AtomicFiles.write(Path.of("/proc/self/fd/1"), args[0]);
    }
  }

  @Test
  void devNullStaysACharacterDevice() throws IOException {
    // As root the old rename replaced /dev/null with a regular file; as any user it must work.
    Path devNull = Path.of("/dev/null");
    assumeTrue(Files.exists(devNull) && Fifo.type(devNull) == Fifo.S_IFCHR,
        "no /dev/null device here");
    AtomicFiles.write(devNull, "discarded\n");
    assertThat(Fifo.type(devNull, LinkOption.NOFOLLOW_LINKS)).isEqualTo(Fifo.S_IFCHR);
    assertThat(Files.size(devNull)).isZero();
  }

  @Test
  void aLinkToARegularFileIsReplacedByANewFileAndItsTargetKept() throws IOException {
    Path target = Files.writeString(dir.resolve("elsewhere.txt"), "keep me\n");
    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
    Path link = Files.createSymbolicLink(dir.resolve("out.txt"), target);
    Path reference = reference();
    AtomicFiles.write(link, "new\n");
    assertThat(Files.isSymbolicLink(link)).isFalse();
    assertThat(Files.isRegularFile(link, LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(Files.readString(link)).isEqualTo("new\n");
    assertThat(Files.readString(target)).isEqualTo("keep me\n");
    // A new file, so the umask's mode, not its old target's.
    assertThat(Files.getPosixFilePermissions(link))
        .isEqualTo(Files.getPosixFilePermissions(reference));
  }

  @Test
  void aDirectoryIsRefusedAsBadInput() throws IOException {
    Path target = Files.createDirectory(dir.resolve("reports"));
    assertThatThrownBy(() -> AtomicFiles.write(target, "x"))
        .isInstanceOfSatisfying(MigsafeException.class,
            e -> assertThat(e.kind()).isEqualTo(MigsafeException.Kind.BAD_INPUT))
        .hasMessage(target + ": cannot be written: it is a directory");
    assertThat(target).isEmptyDirectory();
    assertThat(siblingsOf(target)).isEmpty();
  }

  @Test
  void aLinkToADirectoryIsRefusedAndKept() throws IOException {
    Path target = Files.createDirectory(dir.resolve("reports"));
    Path link = Files.createSymbolicLink(dir.resolve("out"), target);
    assertThatThrownBy(() -> AtomicFiles.write(link, "x"))
        .isInstanceOf(MigsafeException.class)
        .hasMessage(link + ": cannot be written: it links to a directory");
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  @Test
  void aSocketIsRefusedAndKept() throws IOException {
    Path socket = dir.resolve("app.sock");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      assertThatThrownBy(() -> AtomicFiles.write(socket, "x"))
          .isInstanceOf(MigsafeException.class)
          .hasMessage(socket + ": cannot be written: it is a socket");
      assertThat(Fifo.type(socket, LinkOption.NOFOLLOW_LINKS)).isEqualTo(Fifo.S_IFSOCK);
    }
  }

  @Test
  void aNewFileGetsTheModeTheUmaskGives() throws IOException {
    Path reference = reference();
    Path out = dir.resolve("sub/report.json");
    AtomicFiles.write(out, "{}\n");
    assertThat(Files.readString(out)).isEqualTo("{}\n");
    // 0644 under umask 022, where Files.createTempFile made every file 0600.
    assertThat(Files.getPosixFilePermissions(out))
        .isEqualTo(Files.getPosixFilePermissions(reference));
    assertThat(siblingsOf(out)).isEmpty();
  }

  @Test
  void anUpdatedFileKeepsItsMode() throws IOException {
    for (String mode : new String[] {"rw-r--r--", "rw-r-----", "rwxr-x---"}) {
      Path record = Files.writeString(dir.resolve(mode + ".yaml"), "old\n");
      Files.setPosixFilePermissions(record, PosixFilePermissions.fromString(mode));
      AtomicFiles.write(record, "new\n");
      assertThat(Files.readString(record)).isEqualTo("new\n");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(record)))
          .as(mode).isEqualTo(mode);
    }
  }

  /** A file created the ordinary way in the same directory: 0666 less the umask. */
  private Path reference() throws IOException {
    Path reference = dir.resolve("reference");
    try (OutputStream out = Files.newOutputStream(reference)) {
      out.write('x');
    }
    return reference;
  }

  /** Everything in the target's directory but the target and the test's own files. */
  private static List<Path> siblingsOf(Path target) throws IOException {
    try (Stream<Path> s = Files.list(target.getParent())) {
      return s.filter(p -> !p.equals(target) && !p.getFileName().toString().equals("reference"))
          .toList();
    }
  }
}
