package org.paperboy.digest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

/**
 * One reader's digest settings. {@code papersSince}: the next digest's candidates are the papers
 * first seen after it. Build new ones with {@link SubscriptionForm}, which validates the input.
 */
public record Subscription(
    long id,
    String email,
    List<String> alerts,
    boolean trending,
    LocalTime sendTime,
    ZoneId zone,
    int maxPapers,
    Status status,
    Instant papersSince,
    int hardFailures) {

  public enum Status {
    PENDING,
    ACTIVE,
    PAUSED;

    String sql() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public Subscription {
    requireNonNull(email, "email");
    alerts = List.copyOf(alerts);
    requireNonNull(sendTime, "sendTime");
    requireNonNull(zone, "zone");
    requireNonNull(status, "status");
    requireNonNull(papersSince, "papersSince");
  }
}
