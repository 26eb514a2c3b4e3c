package dev.migsafe.internal.ai;

/** What migsafe made of one part of a model's answer. */
public enum ClaimStatus {
  /** Every check migsafe could make on it passed. */
  VERIFIED("verified"),
  /** It holds nothing migsafe can check, or a check needs a person, or could not run. */
  UNVERIFIED("unverified"),
  /** A check failed: migsafe's facts contradict it. */
  REFUTED("refuted");

  private final String id;

  ClaimStatus(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  /** The worse of two: refuted over unverified over verified. */
  ClaimStatus worst(ClaimStatus other) {
    return other.ordinal() > ordinal() ? other : this;
  }
}
