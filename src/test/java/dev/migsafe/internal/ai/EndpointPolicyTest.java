package dev.migsafe.internal.ai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.migsafe.api.MigsafeException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Prompts stay on this machine unless both the flag and the configuration allow otherwise. */
class EndpointPolicyTest {
  @Test
  void loopbackNeedsNoConsentAndTheConfigIsNotRead() {
    AtomicBoolean read = new AtomicBoolean();
    for (String url : new String[] {"http://127.0.0.1:11434", "http://localhost:8080/v1",
        "http://[::1]:11434", "https://127.0.0.2"}) {
      assertThat(EndpointPolicy.check(url, false, () -> read.getAndSet(true))).isNotNull();
    }
    assertThat(read).isFalse();
  }

  @Test
  void aRemoteEndpointNeedsTheFlagAndTheConfig() {
    String remote = "http://10.0.0.5:11434";
    assertThatThrownBy(() -> EndpointPolicy.check(remote, false, () -> true))
        .isInstanceOf(MigsafeException.class).hasMessageContaining("--allow-remote");
    assertThatThrownBy(() -> EndpointPolicy.check(remote, true, () -> false))
        .isInstanceOf(MigsafeException.class)
        .hasMessageContaining("ai: {allow-remote: true}");
    assertThat(EndpointPolicy.check(remote, true, () -> true).getHost()).isEqualTo("10.0.0.5");
  }

  @Test
  void aNameIsRemoteEvenWhenItLooksLocal() {
    for (String url : new String[] {"http://localhost.example.com:11434",
        "http://127.0.0.1.nip.io", "http://ollama:11434"}) {
      assertThatThrownBy(() -> EndpointPolicy.check(url, false, () -> true))
          .as(url).hasMessageContaining("not on this machine");
    }
  }

  @Test
  void somethingThatIsNotAnHttpUrlIsBadInput() {
    assertThatThrownBy(() -> EndpointPolicy.check("ftp://127.0.0.1/", false, () -> false))
        .hasMessageContaining("not an http:// or https:// URL");
    assertThatThrownBy(() -> EndpointPolicy.check("127.0.0.1:11434", false, () -> false))
        .hasMessageContaining("--endpoint '127.0.0.1:11434'");
    assertThatThrownBy(() -> EndpointPolicy.check("http://user:pw@127.0.0.1", false,
        () -> false)).hasMessageContaining("must not carry credentials");
  }
}
